package pagelab.kernel.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static pagelab.kernel.WinError.ERROR_COMMITMENT_LIMIT;
import static pagelab.kernel.WinNT.*;

import org.junit.jupiter.api.Test;

/**
 * Commit charge. Sources: book ch. 15 (reserving costs no physical storage; committing charges the paging file,
 * whether or not the pages are touched; decommitting gives the charge back) and MSDN VirtualAlloc (a commit beyond
 * the system commit limit fails: STATUS_COMMITMENT_LIMIT -> ERROR_COMMITMENT_LIMIT); "Private Bytes" as Task
 * Manager shows it is the inspector's privateCommitBytes; the limit is lowered through the kernel's fault injection.
 */
class CommitChargeTest extends KernelTestSupport {

    private long privateCommit() {
        return process.inspector().counters().privateCommitBytes();
    }

    @Test
    void reservingChargesNothing() {
        long before = privateCommit();
        reserve(0x1000000, PAGE_READWRITE);
        assertThat(hex(privateCommit() - before)).isEqualTo(hex(0L));
    }

    @Test
    void committingChargesWholePagesWithoutTouchingThem() {
        long before = privateCommit();
        long a = reserve(0x100000, PAGE_READWRITE);
        alloc(a + 0x10, 0x2001, MEM_COMMIT, PAGE_READWRITE);
        assertThat(hex(privateCommit() - before)).as("3 pages").isEqualTo(hex(0x3000L));
    }

    @Test
    void recommittingCommittedPagesDoesNotChargeTwice() {
        long before = privateCommit();
        long a = reserveCommit(0x4000, PAGE_READWRITE);
        alloc(a, 0x4000, MEM_COMMIT, PAGE_READONLY);
        assertThat(hex(privateCommit() - before)).isEqualTo(hex(0x4000L));
    }

    @Test
    void decommitAndReleaseGiveTheChargeBack() {
        long before = privateCommit();
        long a = reserveCommit(0x8000, PAGE_READWRITE);
        assertThat(k.VirtualFree(a, 0x2000, MEM_DECOMMIT)).isTrue();
        assertThat(hex(privateCommit() - before)).isEqualTo(hex(0x6000L));
        release(a);
        assertThat(hex(privateCommit() - before)).isEqualTo(hex(0L));
    }

    @Test
    void noAccessAndGuardPagesAreChargedToo() {
        long before = privateCommit();
        reserveCommit(0x1000, PAGE_NOACCESS);
        reserveCommit(0x1000, PAGE_READWRITE | PAGE_GUARD);
        assertThat(hex(privateCommit() - before)).isEqualTo(hex(0x2000L));
    }

    @Test
    void commitBeyondTheCommitLimitFailsWithCommitmentLimit() {
        long charged = machine.inspector().counters().commitChargeBytes();
        machine.faultInjection().setCommitLimit(charged + 0x100000);
        long a = reserve(0x1000000, PAGE_READWRITE);
        k.SetLastError(DEADBEEF);
        assertThat(k.VirtualAlloc(a, 0x200000, MEM_COMMIT, PAGE_READWRITE)).isZero();
        assertLastError(ERROR_COMMITMENT_LIMIT, "VirtualAlloc(MEM_COMMIT of 2 MiB over a 1 MiB headroom)");
        assertThat(hex(query(a).State)).as("nothing committed").isEqualTo(hex(MEM_RESERVE));
        assertThat(hex(alloc(a, 0x80000, MEM_COMMIT, PAGE_READWRITE))).as("a commit that fits").isEqualTo(hex(a));
    }

    @Test
    void reservingIsNotLimitedByTheCommitLimit() {
        long charged = machine.inspector().counters().commitChargeBytes();
        machine.faultInjection().setCommitLimit(charged + 0x10000);
        assertThat(reserve(0x10000000, PAGE_READWRITE)).isNotZero();
    }
}

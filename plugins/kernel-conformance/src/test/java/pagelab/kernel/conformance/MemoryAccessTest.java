package pagelab.kernel.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pagelab.kernel.WinNT.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.IntByReference;
import pagelab.kernel.UnhandledSehException;

/**
 * Loads, stores and instruction fetches through the MMU. Sources: MSDN EXCEPTION_RECORD ("ExceptionInformation[0]
 * ... 0 read, 1 write, 8 DEP violation; [1] the virtual address of the inaccessible data"); MSDN Memory Protection
 * Constants (PAGE_GUARD: "raises a STATUS_GUARD_PAGE_VIOLATION exception and turns off the guard page status");
 * MSDN VirtualAlloc ("Memory allocated by this function is automatically initialized to zero"); MSDN Data Execution
 * Prevention; Wine dlls/kernel32/tests/virtual.c test_guard_page (NumberParameters 2, the handler's continue
 * completing the access once); Intel SDM vol. 3 section 6.5 (a faulting instruction changes no state, so a store that
 * straddles into an inaccessible page writes nothing).
 */
class MemoryAccessTest extends KernelTestSupport {

    // ---- demand-zero and layout ----

    @Test
    void committedMemoryReadsAsZero() {
        long a = reserveCommit(0x3000, PAGE_READWRITE);
        assertThat(mem.getByte(a)).isZero();
        assertThat(mem.getShort(a + 0x1002)).isZero();
        assertThat(mem.getInt(a + 0x1FFC)).isZero();
        assertThat(mem.getLong(a + 0x2FF8)).isZero();
    }

    @Test
    void valuesAreStoredLittleEndian() {
        long a = reserveCommit(0x1000, PAGE_READWRITE);
        mem.setInt(a, 0x11223344);
        assertThat(mem.getByte(a)).isEqualTo((byte) 0x44);
        assertThat(mem.getByte(a + 3)).isEqualTo((byte) 0x11);
        assertThat(mem.getShort(a + 1)).isEqualTo((short) 0x2233);
        mem.setLong(a + 8, 0x0102030405060708L);
        assertThat(mem.getByte(a + 8)).isEqualTo((byte) 0x08);
        assertThat(hex(mem.getInt(a + 12))).isEqualTo(hex(0x01020304));
        mem.setShort(a + 16, (short) 0xBEEF);
        assertThat(mem.getByte(a + 16)).isEqualTo((byte) 0xEF);
        assertThat(mem.getByte(a + 17)).isEqualTo((byte) 0xBE);
    }

    @Test
    void arraysRoundTripWithOffsetsAcrossAPageBoundary() {
        long a = reserveCommit(0x2000, PAGE_READWRITE);
        byte[] src = new byte[300];
        for (int i = 0; i < src.length; i++) {
            src[i] = (byte) (i * 7);
        }
        mem.write(a + 0xF00, src, 10, 280);
        byte[] dst = new byte[300];
        mem.read(a + 0xF00, dst, 5, 280);
        for (int i = 0; i < 280; i++) {
            assertThat(dst[5 + i]).as("byte %d", i).isEqualTo(src[10 + i]);
        }
        assertThat(dst[0]).isZero();
    }

    @Test
    void setMemoryFillsTheRange() {
        long a = reserveCommit(0x2000, PAGE_READWRITE);
        mem.setMemory(a + 0xFFE, 4, (byte) 0x5A);
        assertThat(hex(mem.getInt(a + 0xFFE))).isEqualTo(hex(0x5A5A5A5A));
        assertThat(mem.getByte(a + 0xFFD)).isZero();
        assertThat(mem.getByte(a + 0x1002)).isZero();
    }

    @Test
    void copyOfOverlappingRangesBehavesAsMemmove() {
        long a = reserveCommit(0x1000, PAGE_READWRITE);
        for (int i = 0; i < 16; i++) {
            mem.setByte(a + i, (byte) i);
        }
        mem.copy(a + 4, a, 8);           // forward overlap: destination above source
        for (int i = 0; i < 8; i++) {
            assertThat(mem.getByte(a + 4 + i)).as("forward byte %d", i).isEqualTo((byte) i);
        }
        for (int i = 0; i < 16; i++) {
            mem.setByte(a + 0x100 + i, (byte) i);
        }
        mem.copy(a + 0x100, a + 0x104, 8); // backward overlap: destination below source
        for (int i = 0; i < 8; i++) {
            assertThat(mem.getByte(a + 0x100 + i)).as("backward byte %d", i).isEqualTo((byte) (i + 4));
        }
    }

    @Test
    void stringsAreAnsiAndNulTerminated() {
        long a = reserveCommit(0x1000, PAGE_READWRITE);
        mem.setMemory(a, 16, (byte) 0x7F);
        mem.setString(a, "abc");
        assertThat(mem.getByte(a)).isEqualTo((byte) 'a');
        assertThat(mem.getByte(a + 3)).as("terminating NUL").isZero();
        assertThat(mem.getByte(a + 4)).as("nothing written past the NUL").isEqualTo((byte) 0x7F);
        assertThat(mem.getString(a)).isEqualTo("abc");
        mem.setString(a + 0x20, "caf\u00e9");
        assertThat(mem.getByte(a + 0x23)).as("ISO-8859-1 byte of \u00e9").isEqualTo((byte) 0xE9);
        assertThat(mem.getString(a + 0x20)).isEqualTo("caf\u00e9");
        mem.setString(a + 0x40, "");
        assertThat(mem.getByte(a + 0x40)).isZero();
        assertThat(mem.getString(a + 0x40)).isEmpty();
    }

    @Test
    void getStringStopsAtTheFirstNul() {
        long a = reserveCommit(0x1000, PAGE_READWRITE);
        mem.write(a, new byte[] {'h', 'i', 0, 'x', 0}, 0, 5);
        assertThat(mem.getString(a)).isEqualTo("hi");
    }

    // ---- access violations ----

    @Test
    void readingReservedMemoryRaisesAReadAccessViolation() {
        long a = reserve(0x10000, PAGE_READWRITE);
        EXCEPTION_RECORD r = faultOf(() -> mem.getInt(a + 0x124));
        assertAccessViolation(r, EXCEPTION_READ_FAULT, a + 0x124);
    }

    @Test
    void writingReservedMemoryRaisesAWriteAccessViolation() {
        long a = reserve(0x10000, PAGE_READWRITE);
        assertAccessViolation(faultOf(() -> mem.setByte(a + 0x2001, (byte) 1)), EXCEPTION_WRITE_FAULT, a + 0x2001);
    }

    @Test
    void readingFreeMemoryRaisesAnAccessViolation() {
        long free = freeAddress(0x10000);
        assertAccessViolation(faultOf(() -> mem.getLong(free + 8)), EXCEPTION_READ_FAULT, free + 8);
    }

    @Test
    void readingTheNullPointerPartitionRaisesAnAccessViolation() {
        // Book ch. 13: the NULL-pointer partition catches NULL dereferences
        assertAccessViolation(faultOf(() -> mem.getInt(0)), EXCEPTION_READ_FAULT, 0);
        assertAccessViolation(faultOf(() -> mem.setInt(0x10, 1)), EXCEPTION_WRITE_FAULT, 0x10);
    }

    @Test
    void noAccessPagesFaultOnReadAndWrite() {
        long a = reserveCommit(0x1000, PAGE_NOACCESS);
        assertAccessViolation(faultOf(() -> mem.getByte(a)), EXCEPTION_READ_FAULT, a);
        assertAccessViolation(faultOf(() -> mem.setByte(a + 1, (byte) 1)), EXCEPTION_WRITE_FAULT, a + 1);
    }

    @Test
    void readOnlyPagesAreReadableButWritesFault() {
        long a = reserveCommit(0x1000, PAGE_READONLY);
        assertThat(mem.getInt(a + 0x10)).isZero();
        assertAccessViolation(faultOf(() -> mem.setInt(a + 0x10, 5)), EXCEPTION_WRITE_FAULT, a + 0x10);
    }

    @Test
    void executeReadPagesAreReadableAndExecutableButWritesFault() {
        long a = reserveCommit(0x1000, PAGE_EXECUTE_READ);
        assertThat(faultOf(() -> mem.execute(a + 0x40))).as("fetch from PAGE_EXECUTE_READ").isNull();
        assertThat(mem.getByte(a)).isZero();
        assertAccessViolation(faultOf(() -> mem.setByte(a, (byte) 0xC3)), EXCEPTION_WRITE_FAULT, a);
    }

    @Test
    void executeReadWritePagesAllowEverything() {
        long a = reserveCommit(0x1000, PAGE_EXECUTE_READWRITE);
        mem.setByte(a, (byte) 0xC3);
        assertThat(mem.getByte(a)).isEqualTo((byte) 0xC3);
        assertThat(faultOf(() -> mem.execute(a))).isNull();
    }

    @Test
    void executingReadWriteMemoryIsADepViolation() {
        // MSDN Data Execution Prevention / EXCEPTION_RECORD: an instruction fetch from a non-executable page raises
        // an access violation with ExceptionInformation[0] = 8
        long a = reserveCommit(0x1000, PAGE_READWRITE);
        assertAccessViolation(faultOf(() -> mem.execute(a + 0x20)), EXCEPTION_EXECUTE_FAULT, a + 0x20);
    }

    @Test
    void executingReadOnlyMemoryIsADepViolation() {
        long a = reserveCommit(0x1000, PAGE_READONLY);
        assertAccessViolation(faultOf(() -> mem.execute(a)), EXCEPTION_EXECUTE_FAULT, a);
    }

    @Test
    void executeOnlyPagesCanBeExecuted() {
        long a = reserveCommit(0x1000, PAGE_EXECUTE);
        assertThat(faultOf(() -> mem.execute(a + 0x10))).isNull();
    }

    @Test
    void straddlingReadReportsTheFirstByteOfTheInaccessiblePage() {
        // MSDN EXCEPTION_RECORD: [1] is "the virtual address of the inaccessible data", the first byte of the second
        // page for an access that starts on an accessible one
        long a = reserve(0x10000, PAGE_READWRITE);
        alloc(a, 0x1000, MEM_COMMIT, PAGE_READWRITE);
        assertAccessViolation(faultOf(() -> mem.getInt(a + 0xFFE)), EXCEPTION_READ_FAULT, a + 0x1000);
        assertAccessViolation(faultOf(() -> mem.getLong(a + 0xFFC)), EXCEPTION_READ_FAULT, a + 0x1000);
    }

    @Test
    void straddlingWriteReportsTheFirstByteOfTheInaccessiblePage() {
        long a = reserve(0x10000, PAGE_READWRITE);
        alloc(a, 0x1000, MEM_COMMIT, PAGE_READWRITE);
        alloc(a + 0x1000, 0x1000, MEM_COMMIT, PAGE_READONLY);
        assertAccessViolation(faultOf(() -> mem.setInt(a + 0xFFE, -1)), EXCEPTION_WRITE_FAULT, a + 0x1000);
    }

    @Test
    void faultingStraddlingStoreWritesNothing() {
        // Intel SDM vol. 3, 6.5: a fault is reported before the instruction changes any state
        long a = reserve(0x10000, PAGE_READWRITE);
        alloc(a, 0x1000, MEM_COMMIT, PAGE_READWRITE);
        assertThat(faultOf(() -> mem.setInt(a + 0xFFE, 0x11223344))).isNotNull();
        assertThat(mem.getShort(a + 0xFFE)).as("the accessible half").isZero();
        assertThat(faultOf(() -> mem.setLong(a + 0xFFC, -1L))).isNotNull();
        assertThat(mem.getInt(a + 0xFFC)).as("the accessible half").isZero();
    }

    @Test
    void accessAcrossTwoCommittedPagesWorks() {
        long a = reserveCommit(0x2000, PAGE_READWRITE);
        mem.setLong(a + 0xFFC, 0x1122334455667788L);
        assertThat(hex(mem.getLong(a + 0xFFC))).isEqualTo(hex(0x1122334455667788L));
    }

    @Test
    void faultingArrayReadReportsTheFirstInaccessibleByte() {
        long a = reserve(0x10000, PAGE_READWRITE);
        alloc(a, 0x1000, MEM_COMMIT, PAGE_READWRITE);
        assertAccessViolation(faultOf(() -> mem.read(a + 0xF00, new byte[0x200], 0, 0x200)), EXCEPTION_READ_FAULT,
                a + 0x1000);
    }

    @Test
    void unhandledAccessViolationEndsTheProcess() {
        // MSDN RaiseException remarks: for most exceptions the default action is to call ExitProcess; the exit code
        // is the exception code
        long a = reserve(0x1000, PAGE_READWRITE);
        assertThatThrownBy(() -> mem.getInt(a)).isInstanceOf(UnhandledSehException.class)
                .satisfies(e -> assertAccessViolation(((UnhandledSehException) e).record(), EXCEPTION_READ_FAULT, a));
        assertThat(process.isAlive()).isFalse();
        assertThat(hex(process.exitCode())).isEqualTo(hex(EXCEPTION_ACCESS_VIOLATION));
    }

    // ---- guard pages ----

    @Test
    void guardPageRaisesGuardPageViolationOnceThenIsPlainCommitted() {
        // MSDN PAGE_GUARD: the first access raises STATUS_GUARD_PAGE_VIOLATION and removes the guard status;
        // Wine test_guard_page: NumberParameters 2, and the next access succeeds with Protect back to PAGE_READWRITE
        long a = reserveCommit(0x1000, PAGE_READWRITE | PAGE_GUARD);
        EXCEPTION_RECORD r = faultOf(() -> mem.getInt(a + 8));
        assertThat(r).isNotNull();
        assertThat(hex(r.ExceptionCode)).isEqualTo(hex(STATUS_GUARD_PAGE_VIOLATION));
        assertThat(r.NumberParameters).isEqualTo(2);
        assertThat(r.ExceptionInformation[0]).as("read").isEqualTo(EXCEPTION_READ_FAULT);
        assertThat(hex(r.ExceptionInformation[1])).isEqualTo(hex(a + 8));
        assertThat(hex(query(a).Protect)).isEqualTo(hex(PAGE_READWRITE));
        assertThat(faultOf(() -> mem.getInt(a + 8))).as("second access").isNull();
    }

    @Test
    void guardPageWriteReportsAWrite() {
        long a = reserveCommit(0x1000, PAGE_READWRITE | PAGE_GUARD);
        EXCEPTION_RECORD r = faultOf(() -> mem.setInt(a, 1));
        assertThat(hex(r.ExceptionCode)).isEqualTo(hex(STATUS_GUARD_PAGE_VIOLATION));
        assertThat(r.ExceptionInformation[0]).as("write").isEqualTo(EXCEPTION_WRITE_FAULT);
        assertThat(mem.getInt(a)).as("the handled store was not performed").isZero();
    }

    @Test
    void continuingAfterAGuardPageViolationCompletesTheAccess() {
        // Wine test_guard_page: the handler returns ExceptionContinueExecution and the store completes, with one call
        long a = reserveCommit(0x1000, PAGE_READWRITE | PAGE_GUARD);
        List<Integer> codes = new ArrayList<>();
        seh.tryExcept(() -> mem.setInt(a, 0x1234), r -> {
            codes.add(r.ExceptionCode);
            return EXCEPTION_CONTINUE_EXECUTION;
        }, r -> { });
        assertThat(codes).containsExactly(STATUS_GUARD_PAGE_VIOLATION);
        assertThat(hex(mem.getInt(a))).isEqualTo(hex(0x1234));
    }

    @Test
    void guardFlagCanBeSetAgainAndFiresAgain() {
        // Wine test_guard_page: VirtualProtect(PAGE_READWRITE|PAGE_GUARD) re-arms the page
        long a = reserveCommit(0x1000, PAGE_READWRITE | PAGE_GUARD);
        assertThat(faultOf(() -> mem.getByte(a))).isNotNull();
        assertThat(k.VirtualProtect(a, 0x1000, PAGE_READWRITE | PAGE_GUARD, new IntByReference())).isTrue();
        assertThat(hex(faultOf(() -> mem.getByte(a)).ExceptionCode)).isEqualTo(hex(STATUS_GUARD_PAGE_VIOLATION));
    }

    @Test
    void unhandledGuardPageViolationEndsTheProcessWithItsCode() {
        long a = reserveCommit(0x1000, PAGE_READONLY | PAGE_GUARD);
        assertThatThrownBy(() -> mem.getByte(a)).isInstanceOf(UnhandledSehException.class);
        assertThat(hex(process.exitCode())).isEqualTo(hex(STATUS_GUARD_PAGE_VIOLATION));
    }

    @Test
    void accessViolationsAreCountedByTheInspector() {
        long a = reserve(0x1000, PAGE_READWRITE);
        long before = process.inspector().counters().accessViolations();
        faultOf(() -> mem.getInt(a));
        faultOf(() -> mem.setInt(a, 1));
        assertThat(process.inspector().counters().accessViolations() - before).isEqualTo(2);
    }
}

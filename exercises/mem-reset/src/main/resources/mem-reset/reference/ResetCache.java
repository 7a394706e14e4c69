import static pagelab.kernel.WinNT.*;

import java.util.BitSet;
import pagelab.exercises.memreset.PageCache;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Memory;

/**
 // BEGIN SOLUTION
 * The reference solution: a committed cache whose discarded slots are reset, not decommitted, so they cost no
 * paging-file writes and no new commit when they are used again.
 // INSTEAD
 //> * A cache of page-sized slots whose discarded contents need never be written to the paging file.
 //> * Read the instructions first.
 // END SOLUTION
 */
public class ResetCache implements PageCache {
    private Kernel32 kernel;
    private Memory memory;
    private long base;
    private final BitSet valid = new BitSet(SLOTS);

    @Override
    public boolean open(Kernel32 kernel, Memory memory) {
        // BEGIN SOLUTION
        long b = kernel.VirtualAlloc(0, CACHE_SIZE, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
        if (b == 0) {
            return false;
        }
        // END SOLUTION
        this.kernel = kernel;
        this.memory = memory;
        // BEGIN SOLUTION
        this.base = b;
        return true;
        // INSTEAD
        // TODO: commit CACHE_SIZE bytes (MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE); keep the base.
        //> return false;
        // END SOLUTION
    }

    @Override
    public long base() {
        return base;
    }

    @Override
    public void put(int slot, byte[] data) {
        // BEGIN SOLUTION
        // Writing to a reset page makes it dirty again: from now on it is saved if it has to leave RAM.
        // BEGIN WRONG decommits-instead
        // INSTEAD
        //> kernel.VirtualAlloc(slot(slot), SLOT_SIZE, MEM_COMMIT, PAGE_READWRITE); // commit again after a discard
        // END WRONG
        // END SOLUTION
        memory.write(slot(slot), data, 0, Math.min(data.length, SLOT_SIZE));
        valid.set(slot);
    }

    @Override
    public byte[] get(int slot) {
        // BEGIN SOLUTION
        if (!valid.get(slot)) {
            return null; // after MEM_RESET the page may read as anything: old data or zeros
        }
        // INSTEAD
        // TODO: return null for a slot that is not valid; its page may hold anything after MEM_RESET.
        // END SOLUTION
        byte[] out = new byte[SLOT_SIZE];
        memory.read(slot(slot), out, 0, SLOT_SIZE);
        return out;
    }

    // tag::discard[]
    @Override
    public void discard(int slot) {
        // BEGIN SOLUTION
        valid.clear(slot);
        // MEM_RESET stands alone (no other MEM_* flag); the protection is ignored but must be valid.
        // BEGIN WRONG decommits-instead, reset-with-commit-flag, reset-with-virtualfree, resets-neighbour-slot
        kernel.VirtualAlloc(slot(slot), SLOT_SIZE, MEM_RESET, PAGE_NOACCESS);
        // INSTEAD decommits-instead
        // MISTAKE: decommits; every reuse now costs a new commit (and a fresh zero page).
        //> kernel.VirtualFree(slot(slot), SLOT_SIZE, MEM_DECOMMIT);
        // INSTEAD reset-with-commit-flag
        // MISTAKE: MEM_RESET cannot be combined with other flags; the call fails with ERROR_INVALID_PARAMETER.
        //> kernel.VirtualAlloc(slot(slot), SLOT_SIZE, MEM_COMMIT | MEM_RESET, PAGE_READWRITE);
        // INSTEAD reset-with-virtualfree
        // MISTAKE: MEM_RESET is a VirtualAlloc flag; VirtualFree fails with ERROR_INVALID_PARAMETER.
        //> kernel.VirtualFree(slot(slot), SLOT_SIZE, MEM_RESET);
        // INSTEAD resets-neighbour-slot
        // MISTAKE: off by one slot: resets the neighbour's page, whose data is then lost under pressure.
        //> kernel.VirtualAlloc(slot(slot + 1), SLOT_SIZE, MEM_RESET, PAGE_NOACCESS);
        // END WRONG
        // INSTEAD
        // TODO: forget the slot and reset its page: VirtualAlloc(address, SLOT_SIZE, MEM_RESET, PAGE_NOACCESS).
        // END SOLUTION
    }

    @Override
    public void discardAll() {
        // BEGIN SOLUTION
        // BEGIN WRONG trusts-reset-contents
        valid.clear();
        // INSTEAD
        // MISTAKE: "the bytes are still there": after MEM_RESET they may be, or may read as zeros.
        // END WRONG
        // BEGIN WRONG reset-with-virtualfree, decommits-instead, reset-with-commit-flag
        kernel.VirtualAlloc(base, CACHE_SIZE, MEM_RESET, PAGE_NOACCESS);
        // INSTEAD reset-with-virtualfree
        //> kernel.VirtualFree(base, CACHE_SIZE, MEM_RESET);
        // INSTEAD decommits-instead
        //> kernel.VirtualFree(base, CACHE_SIZE, MEM_DECOMMIT);
        // INSTEAD reset-with-commit-flag
        //> kernel.VirtualAlloc(base, CACHE_SIZE, MEM_COMMIT | MEM_RESET, PAGE_READWRITE);
        // END WRONG
        // INSTEAD
        // TODO: forget every slot and reset the whole cache with one VirtualAlloc(..., MEM_RESET, ...).
        // END SOLUTION
    }
    // end::discard[]

    @Override
    public void close() {
        // BEGIN SOLUTION
        if (base != 0) {
            kernel.VirtualFree(base, 0, MEM_RELEASE);
            base = 0;
            valid.clear();
        }
        // INSTEAD
        // TODO: VirtualFree(base, 0, MEM_RELEASE); base = 0.
        // END SOLUTION
    }

    private long slot(int slot) {
        return base + (long) slot * SLOT_SIZE;
    }
}

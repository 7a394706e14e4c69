import static pagelab.kernel.WinNT.*;

import java.util.BitSet;
import pagelab.exercises.memreset.PageCache;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Memory;

/**
 * A cache of page-sized slots whose discarded contents need never be written to the paging file.
 * Read the instructions first.
 */
public class ResetCache implements PageCache {
    private Kernel32 kernel;
    private Memory memory;
    private long base;
    private final BitSet valid = new BitSet(SLOTS);

    @Override
    public boolean open(Kernel32 kernel, Memory memory) {
        this.kernel = kernel;
        this.memory = memory;
        // TODO: commit CACHE_SIZE bytes (MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE); keep the base.
        return false;
    }

    @Override
    public long base() {
        return base;
    }

    @Override
    public void put(int slot, byte[] data) {
        memory.write(slot(slot), data, 0, Math.min(data.length, SLOT_SIZE));
        valid.set(slot);
    }

    @Override
    public byte[] get(int slot) {
        // TODO: return null for a slot that is not valid; its page may hold anything after MEM_RESET.
        byte[] out = new byte[SLOT_SIZE];
        memory.read(slot(slot), out, 0, SLOT_SIZE);
        return out;
    }

    @Override
    public void discard(int slot) {
        // TODO: forget the slot and reset its page: VirtualAlloc(address, SLOT_SIZE, MEM_RESET, PAGE_NOACCESS).
    }

    @Override
    public void discardAll() {
        // TODO: forget every slot and reset the whole cache with one VirtualAlloc(..., MEM_RESET, ...).
    }

    @Override
    public void close() {
        // TODO: VirtualFree(base, 0, MEM_RELEASE); base = 0.
    }

    private long slot(int slot) {
        return base + (long) slot * SLOT_SIZE;
    }
}

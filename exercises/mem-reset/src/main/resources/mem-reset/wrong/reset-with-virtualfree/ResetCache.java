import static pagelab.kernel.WinNT.*;

import java.util.BitSet;
import pagelab.exercises.memreset.PageCache;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Memory;

/**
 * Known-wrong solution "reset-with-virtualfree": resets with VirtualFree.
 */
public class ResetCache implements PageCache {
    private Kernel32 kernel;
    private Memory memory;
    private long base;
    private final BitSet valid = new BitSet(SLOTS);

    @Override
    public boolean open(Kernel32 kernel, Memory memory) {
        long b = kernel.VirtualAlloc(0, CACHE_SIZE, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
        if (b == 0) {
            return false;
        }
        this.kernel = kernel;
        this.memory = memory;
        this.base = b;
        return true;
    }

    @Override
    public long base() {
        return base;
    }

    @Override
    public void put(int slot, byte[] data) {
        // Writing to a reset page makes it dirty again: from now on it is saved if it has to leave RAM.
        memory.write(slot(slot), data, 0, Math.min(data.length, SLOT_SIZE));
        valid.set(slot);
    }

    @Override
    public byte[] get(int slot) {
        if (!valid.get(slot)) {
            return null; // after MEM_RESET the page may read as anything: old data or zeros
        }
        byte[] out = new byte[SLOT_SIZE];
        memory.read(slot(slot), out, 0, SLOT_SIZE);
        return out;
    }
    @Override
    public void discard(int slot) {
        valid.clear(slot);
        // MEM_RESET stands alone (no other MEM_* flag); the protection is ignored but must be valid.
        // MISTAKE: MEM_RESET is a VirtualAlloc flag; VirtualFree fails with ERROR_INVALID_PARAMETER.
        kernel.VirtualFree(slot(slot), SLOT_SIZE, MEM_RESET);
    }

    @Override
    public void discardAll() {
        valid.clear();
        kernel.VirtualFree(base, CACHE_SIZE, MEM_RESET);
    }

    @Override
    public void close() {
        if (base != 0) {
            kernel.VirtualFree(base, 0, MEM_RELEASE);
            base = 0;
            valid.clear();
        }
    }

    private long slot(int slot) {
        return base + (long) slot * SLOT_SIZE;
    }
}

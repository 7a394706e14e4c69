package pagelab.exercises.sharedcounter;

import pagelab.kernel.Memory;

/**
 * The process's memory as the student's code sees it during a concurrent start: every load that overlaps the
 * shared counter is followed by a switch to the other instance, the worst moment for a read-modify-write such as
 * {@code g_lInstanceCount++}. {@code InterlockedIncrement} goes through Kernel32 and is never split.
 */
final class PreemptingMemory implements Memory {
    private final Memory memory;
    private final long counter;
    private final Lockstep scheduler;

    PreemptingMemory(Memory memory, long counter, Lockstep scheduler) {
        this.memory = memory;
        this.counter = counter;
        this.scheduler = scheduler;
    }

    private <T> T loaded(long a, long length, T value) {
        if (a < counter + 4 && counter < a + length) {
            scheduler.yieldTurn();
        }
        return value;
    }

    @Override
    public byte getByte(long a) {
        return loaded(a, 1, memory.getByte(a));
    }

    @Override
    public void setByte(long a, byte v) {
        memory.setByte(a, v);
    }

    @Override
    public short getShort(long a) {
        return loaded(a, 2, memory.getShort(a));
    }

    @Override
    public void setShort(long a, short v) {
        memory.setShort(a, v);
    }

    @Override
    public int getInt(long a) {
        return loaded(a, 4, memory.getInt(a));
    }

    @Override
    public void setInt(long a, int v) {
        memory.setInt(a, v);
    }

    @Override
    public long getLong(long a) {
        return loaded(a, 8, memory.getLong(a));
    }

    @Override
    public void setLong(long a, long v) {
        memory.setLong(a, v);
    }

    @Override
    public void read(long a, byte[] dst, int off, int len) {
        memory.read(a, dst, off, len);
        loaded(a, len, null);
    }

    @Override
    public void write(long a, byte[] src, int off, int len) {
        memory.write(a, src, off, len);
    }

    @Override
    public void setMemory(long a, long len, byte v) {
        memory.setMemory(a, len, v);
    }

    @Override
    public void copy(long dst, long src, long len) {
        memory.copy(dst, src, len);
        loaded(src, len, null);
    }

    @Override
    public String getString(long a) {
        return loaded(a, 1, memory.getString(a));
    }

    @Override
    public void setString(long a, String s) {
        memory.setString(a, s);
    }

    @Override
    public void execute(long a) {
        memory.execute(a);
    }
}

package pagelab.sim.thread;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import pagelab.kernel.ThreadContext;
import pagelab.kernel.WinNT;
import pagelab.sim.seh.SehChain;

/**
 * A simulated thread: its id, its stack ({@code NT_TIB}), its last-error value and its SEH chain. A Java thread
 * acts as this thread while it calls into the process. Stack fields change under the machine lock;
 * last error and the SEH chain belong to the owning Java thread alone.
 */
public final class SimThread implements ThreadContext {
    private static final VarHandle KERNEL_CALLS;

    static {
        try {
            KERNEL_CALLS = MethodHandles.lookup().findVarHandle(SimThread.class, "kernelCalls", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int id;
    private final SehChain seh = new SehChain();
    private volatile long stackPointer;
    private volatile long stackBase;
    private volatile long stackLimit;
    private volatile long deallocationStack;
    private volatile long teb;
    private int lastError;
    /** Kernel calls this thread made: counted by the thread itself, read by others through an opaque read. */
    private long kernelCalls;
    private volatile boolean alive = true;
    private volatile int exitCode = WinNT.STILL_ACTIVE;
    private volatile Thread javaThread;

    public SimThread(int id) {
        this.id = id;
    }

    @Override
    public int threadId() {
        return id;
    }

    /** Sets the stack geometry once the stack region exists. */
    public void setStack(long deallocation, long limit, long base) {
        this.deallocationStack = deallocation;
        this.stackLimit = limit;
        this.stackBase = base;
        this.stackPointer = base;
    }

    public void setStackLimit(long limit) {
        this.stackLimit = limit;
    }

    public boolean stackContains(long address) {
        return address >= deallocationStack && address < stackBase;
    }

    @Override
    public long getStackPointer() {
        return stackPointer;
    }

    @Override
    public void setStackPointer(long sp) {
        this.stackPointer = sp;
    }

    @Override
    public long stackBase() {
        return stackBase;
    }

    @Override
    public long stackLimit() {
        return stackLimit;
    }

    @Override
    public long deallocationStack() {
        return deallocationStack;
    }

    public long teb() {
        return teb;
    }

    public void setTeb(long teb) {
        this.teb = teb;
    }

    public SehChain seh() {
        return seh;
    }

    public void countKernelCall() {
        KERNEL_CALLS.setOpaque(this, kernelCalls + 1);
    }

    public long kernelCalls() {
        return (long) KERNEL_CALLS.getOpaque(this);
    }

    public int lastError() {
        return lastError;
    }

    public void setLastError(int error) {
        this.lastError = error;
    }

    public boolean isAlive() {
        return alive;
    }

    public int exitCode() {
        return exitCode;
    }

    public void exit(int code) {
        this.exitCode = code;
        this.alive = false;
    }

    public Thread javaThread() {
        return javaThread;
    }

    public void bind(Thread t) {
        this.javaThread = t;
    }

    @Override
    public String toString() {
        return "SimThread[" + id + "]";
    }
}

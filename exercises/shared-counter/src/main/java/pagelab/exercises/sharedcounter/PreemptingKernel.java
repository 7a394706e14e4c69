package pagelab.exercises.sharedcounter;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import pagelab.kernel.Kernel32;

/**
 * The process's Kernel32 as the student's code sees it during a concurrent start: right after each
 * {@code Interlocked*} call on the shared counter the other instance runs. The interlocked operation itself is one
 * step, as on Windows; what it leaves exposed is a second look at the counter afterwards (reading it again to learn
 * "my" number sees the other instance's increment too). With {@link PreemptingMemory}, which switches after every
 * load of the counter, each of the exercise's steps on the counter is interleaved.
 */
final class PreemptingKernel implements InvocationHandler {
    private final Kernel32 kernel;
    private final long counter;
    private final Lockstep scheduler;

    private PreemptingKernel(Kernel32 kernel, long counter, Lockstep scheduler) {
        this.kernel = kernel;
        this.counter = counter;
        this.scheduler = scheduler;
    }

    static Kernel32 wrap(Kernel32 kernel, long counter, Lockstep scheduler) {
        return (Kernel32) Proxy.newProxyInstance(Kernel32.class.getClassLoader(), new Class<?>[] {Kernel32.class},
                new PreemptingKernel(kernel, counter, scheduler));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "Kernel32 of " + kernel;
            };
        }
        Object result;
        try {
            result = method.invoke(kernel, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (method.getName().startsWith("Interlocked") && args != null && args.length > 0
                && args[0] instanceof Long address && address < counter + 4 && counter < address + 4) {
            scheduler.yieldTurn();
        }
        return result;
    }
}

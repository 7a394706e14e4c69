package example.tiny;

import java.lang.reflect.Proxy;
import java.util.function.Function;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;

/**
 * Machines that do nothing, for runner tests that must not depend on the kernel simulator: every method returns
 * the zero value of its type, or another such stub for an interface type.
 */
public class StubMachines implements Function<MachineConfig, Machine> {
    @Override
    public Machine apply(MachineConfig config) {
        return stub(Machine.class);
    }

    @SuppressWarnings("unchecked")
    static <T> T stub(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, m, args) -> {
            Class<?> r = m.getReturnType();
            if (m.getName().equals("toString")) {
                return "stub " + type.getSimpleName();
            } else if (r == boolean.class) {
                return false;
            } else if (r == long.class) {
                return 0L;
            } else if (r == int.class) {
                return 0;
            } else if (r.isInterface()) {
                return stub(r);
            }
            return null;
        });
    }
}

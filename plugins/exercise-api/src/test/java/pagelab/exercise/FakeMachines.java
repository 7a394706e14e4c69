package pagelab.exercise;

import java.lang.reflect.Proxy;
import java.util.List;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;

/** Deep stubs of the kernel interfaces, so the runner's logic is tested without a simulator. */
final class FakeMachines {
    private FakeMachines() {
    }

    static Machine create(MachineConfig config) {
        return stub(Machine.class);
    }

    @SuppressWarnings("unchecked")
    static <T> T stub(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Class<?> r = method.getReturnType();
            if (method.getName().equals("toString")) {
                return "stub " + type.getSimpleName();
            }
            if (r == void.class) {
                return null;
            } else if (r == boolean.class) {
                return false;
            } else if (r == int.class) {
                return 0;
            } else if (r == long.class) {
                return 0L;
            } else if (r == List.class) {
                return List.of();
            } else if (r.isInterface()) {
                return stub(r);
            }
            return null;
        });
    }
}

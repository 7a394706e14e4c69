package pagelab.testkit;

import java.lang.reflect.Proxy;
import java.util.List;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;

/** A deep stub of the kernel, for toy checks that never touch it. */
final class FakeMachine {
    private FakeMachine() {
    }

    static Machine create(MachineConfig config) {
        return stub(Machine.class);
    }

    @SuppressWarnings("unchecked")
    static <T> T stub(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            Class<?> r = m.getReturnType();
            if (r == boolean.class) {
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

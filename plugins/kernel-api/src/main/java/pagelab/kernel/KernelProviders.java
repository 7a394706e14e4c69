package pagelab.kernel;

import java.util.ServiceLoader;
import pagelab.kernel.spi.KernelProvider;

/**
 * The kernel provider {@link Machine#create} uses, looked up once: {@link ServiceLoader} reads every
 * {@code META-INF/services} file on the class path on each lookup, and a graded check creates a fresh machine per
 * check (the child JVM of a submission spent about 2 ms a machine on it, docs/benchmarks.md). Providers come with
 * the class path and module path, which do not change while a JVM runs. When the API itself is a named module,
 * a provider in a module of its layer wins over any on the class path (which is then not searched).
 */
final class KernelProviders {
    /** Found by the first lookup that found one; a race only costs a second lookup. */
    private static volatile KernelProvider own;

    private KernelProviders() {
    }

    /**
     * The highest-priority provider visible to the kernel API's own class loader, or null. A lookup that fails (a
     * broken provider) throws as {@link ServiceLoader} does, every time, and caches nothing.
     */
    static KernelProvider own() {
        KernelProvider p = own;
        if (p == null) {
            Module api = Machine.class.getModule();
            if (api.isNamed() && api.getLayer() != null) {
                // the API as a module (the grading child): its providers are modules of its layer, found from the
                // layer's descriptors without opening every jar of the class path (12 ms of a child)
                p = best(ServiceLoader.load(api.getLayer(), KernelProvider.class));
            }
            if (p == null) {
                p = best(ServiceLoader.load(KernelProvider.class, Machine.class.getClassLoader()));
            }
            own = p;
        }
        return p;
    }

    /** The highest-priority of {@code providers}, or null if there is none. */
    static KernelProvider best(Iterable<KernelProvider> providers) {
        KernelProvider best = null;
        for (KernelProvider p : providers) {
            if (best == null || p.priority() > best.priority()) {
                best = p;
            }
        }
        return best;
    }
}

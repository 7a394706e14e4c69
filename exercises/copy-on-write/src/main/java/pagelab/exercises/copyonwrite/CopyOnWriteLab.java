package pagelab.exercises.copyonwrite;

import java.util.List;
import java.util.Set;
import pagelab.kernel.Kernel32;
import pagelab.kernel.host.ImageFile;

/**
 * Several processes run one image and touch its globals. Which pages of the image does each process end up with a
 * private copy of? Predict it from the image's layout, then observe it with {@code VirtualQuery}.
 *
 * <p>Pages are named by their RVA (offset from the image base), page-aligned. The checker builds the image, calls
 * {@link #predict}, then starts the processes, performs the accesses and calls {@link #observe} in each process.
 */
public interface CopyOnWriteLab {
    /**
     * The RVAs of the pages of which {@code instance} will hold a private copy after {@code accesses} (in order).
     *
     * @param image the image every instance runs: sections, their characteristics and RVAs, the globals' RVAs
     */
    Set<Long> predict(ImageFile image, List<Access> accesses, int instance);

    /**
     * The RVAs of the pages of which the calling process holds a private copy now, found with {@code VirtualQuery}
     * over the image's pages (the image is mapped at {@code GetModuleHandle(NULL)}).
     */
    Set<Long> observe(Kernel32 kernel, ImageFile image);
}

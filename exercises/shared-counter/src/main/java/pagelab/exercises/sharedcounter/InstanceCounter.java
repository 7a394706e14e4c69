package pagelab.exercises.sharedcounter;

import pagelab.kernel.Kernel32;
import pagelab.kernel.Memory;
import pagelab.kernel.host.ImageFile;

/**
 * The book's AppInst: an executable that knows how many of its instances are running, because every instance
 * increments a counter in a section of the image shared by all processes ({@code #pragma data_seg("Shared")} and
 * {@code /SECTION:Shared,RWS}).
 *
 * <p>The checker calls {@link #image()} once, as the linker would run, installs the image and starts processes
 * from it. For each process it makes a new instance of the student's class and calls {@link #start} in that process
 * (WinMain's start), later {@link #exit} (just before WinMain returns), then ends the process. The globals live in
 * the image: find one at {@code GetModuleHandle(NULL) + image().symbolRva(name)}. Instances may run concurrently:
 * the checker may switch to another process between any two memory accesses.
 */
public interface InstanceCounter {
    /** The shared counter: how many instances run now ({@code volatile LONG g_lInstanceCount = 0;}). */
    String COUNTER = "g_lInstanceCount";
    /** This instance's own number, 1 for the first to start ({@code int g_nInstanceNumber = 0;}): never shared. */
    String NUMBER = "g_nInstanceNumber";
    /** The name of the shared section. */
    String SHARED_SECTION = "Shared";

    /**
     * The image as the linker would write it: its sections and where the two globals live. Called once, before any
     * process starts; must not depend on a machine.
     */
    ImageFile image();

    /**
     * WinMain's start, in a freshly started process of the image: count this instance and remember its number in
     * {@link #NUMBER}.
     *
     * @return this instance's number: the count right after its own increment
     */
    int start(Kernel32 kernel, Memory memory);

    /** Just before WinMain returns: this instance stops counting. The process ends right after. */
    void exit(Kernel32 kernel, Memory memory);
}

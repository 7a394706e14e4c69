import pagelab.exercises.sharedcounter.InstanceCounter;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Memory;
import pagelab.kernel.host.ImageBuilder;
import pagelab.kernel.host.ImageFile;

/**
 * The book's AppInst: every running instance of this image is counted in g_lInstanceCount.
 * Read the instructions first; each TODO says what the linker or the code must do.
 */
public class AppInst implements InstanceCounter {
    @Override
    public ImageFile image() {
        return ImageBuilder.exe("AppInst.exe")
                .code(0x1000)
                .data(".data", 0x1000)
                .global(NUMBER, ".data", 0, 0)
                // TODO: the counter must be one variable for ALL processes of this image. Give it a section of its
                //       own named SHARED_SECTION that is marked shared (/SECTION:Shared,RWS): see
                //       ImageBuilder.sharedData. Here it is an ordinary .data global, one copy per process.
                .global(COUNTER, ".data", 4, 0)
                .build();
    }

    @Override
    public int start(Kernel32 kernel, Memory memory) {
        long counter = kernel.GetModuleHandle(null) + image().symbolRva(COUNTER);
        // TODO: count this instance. Other instances may start at the same moment: use an interlocked operation.
        // TODO: store this instance's number in the global NUMBER (GetModuleHandle(null) + its RVA) and return it.
        return 0;
    }

    @Override
    public void exit(Kernel32 kernel, Memory memory) {
        // TODO: this instance is going away: take it off the count.
    }
}

import pagelab.exercises.sharedcounter.InstanceCounter;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Memory;
import pagelab.kernel.host.ImageBuilder;
import pagelab.kernel.host.ImageFile;

/**
 * The reference solution: the counter in a section marked shared (RWS), the instance number in ordinary .data,
 * InterlockedIncrement at start and InterlockedDecrement at exit.
 */
public class AppInst implements InstanceCounter {
    // tag::image[]
    @Override
    public ImageFile image() {
        return ImageBuilder.exe("AppInst.exe")
                .code(0x1000)
                // int g_nInstanceNumber = 0;  an ordinary global: copy-on-write, one copy per process
                .data(".data", 0x1000).global(NUMBER, ".data", 0, 0)
                // #pragma data_seg("Shared")  volatile LONG g_lInstanceCount = 0;  #pragma data_seg()
                // #pragma comment(linker, "/SECTION:Shared,RWS")
                .sharedData(SHARED_SECTION, 0x1000).global(COUNTER, SHARED_SECTION, 0, 0)
                .build();
    }
    // end::image[]

    // tag::start[]
    @Override
    public int start(Kernel32 kernel, Memory memory) {
        // InterlockedIncrement reads, adds and writes as one step: no other instance can slip in between.
        int number = kernel.InterlockedIncrement(global(kernel, COUNTER));
        memory.setInt(global(kernel, NUMBER), number);
        return number;
    }
    // end::start[]

    @Override
    public void exit(Kernel32 kernel, Memory memory) {
        kernel.InterlockedDecrement(global(kernel, COUNTER));
    }

    // A global's address: where the loader mapped the image plus the global's RVA.
    private long global(Kernel32 kernel, String name) {
        return kernel.GetModuleHandle(null) + image().symbolRva(name);
    }
}

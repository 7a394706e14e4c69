import pagelab.exercises.sharedcounter.InstanceCounter;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Memory;
import pagelab.kernel.host.ImageBuilder;
import pagelab.kernel.host.ImageFile;

/**
 * Known-wrong solution "everything-shared": the instance number is put in the Shared section as well.
 */
public class AppInst implements InstanceCounter {
    @Override
    public ImageFile image() {
        return ImageBuilder.exe("AppInst.exe")
                .code(0x1000)
                // int g_nInstanceNumber = 0;  an ordinary global: copy-on-write, one copy per process
                .data(".data", 0x1000)
                // #pragma data_seg("Shared")  volatile LONG g_lInstanceCount = 0;  #pragma data_seg()
                // #pragma comment(linker, "/SECTION:Shared,RWS")
                .sharedData(SHARED_SECTION, 0x1000).global(COUNTER, SHARED_SECTION, 0, 0)
                // MISTAKE: "all my globals go in Shared": one g_nInstanceNumber for every process
                .global(NUMBER, SHARED_SECTION, 4, 0)
                .build();
    }

    @Override
    public int start(Kernel32 kernel, Memory memory) {
        // InterlockedIncrement reads, adds and writes as one step: no other instance can slip in between.
        int number = kernel.InterlockedIncrement(global(kernel, COUNTER));
        memory.setInt(global(kernel, NUMBER), number);
        return number;
    }

    @Override
    public void exit(Kernel32 kernel, Memory memory) {
        kernel.InterlockedDecrement(global(kernel, COUNTER));
    }

    // A global's address: where the loader mapped the image plus the global's RVA.
    private long global(Kernel32 kernel, String name) {
        return kernel.GetModuleHandle(null) + image().symbolRva(name);
    }
}

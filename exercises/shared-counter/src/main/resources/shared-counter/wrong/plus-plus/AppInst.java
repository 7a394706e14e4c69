import pagelab.exercises.sharedcounter.InstanceCounter;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Memory;
import pagelab.kernel.host.ImageBuilder;
import pagelab.kernel.host.ImageFile;

/**
 * Known-wrong solution "plus-plus": the counter is incremented with ++, a load and a store another instance can come
 * between.
 */
public class AppInst implements InstanceCounter {
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

    @Override
    public int start(Kernel32 kernel, Memory memory) {
        // MISTAKE: g_lInstanceCount++ is a load, an add and a store; another instance can run in between.
        long counter = global(kernel, COUNTER);
        int number = memory.getInt(counter) + 1;
        memory.setInt(counter, number);
        memory.setInt(global(kernel, NUMBER), number);
        return number;
    }

    @Override
    public void exit(Kernel32 kernel, Memory memory) {
        long counter = global(kernel, COUNTER);
        memory.setInt(counter, memory.getInt(counter) - 1);
    }

    // A global's address: where the loader mapped the image plus the global's RVA.
    private long global(Kernel32 kernel, String name) {
        return kernel.GetModuleHandle(null) + image().symbolRva(name);
    }
}

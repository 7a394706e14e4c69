package pagelab.sim.image;

import static pagelab.kernel.WinNT.MEM_IMAGE;
import static pagelab.kernel.WinNT.PAGE_EXECUTE_WRITECOPY;
import static pagelab.sim.vm.AddressSpace.GRANULARITY;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.host.ImageFile;
import pagelab.sim.fs.SimFile;
import pagelab.sim.fs.SimFileSystem;
import pagelab.sim.phys.PhysicalMemory;
import pagelab.sim.status.NtStatus;
import pagelab.sim.vm.AddressSpace;
import pagelab.sim.vm.MappedBacking;
import pagelab.sim.vm.PageStore;
import pagelab.sim.vm.View;

/**
 * The image loader (chapters 14 and 17): maps exe and DLL images from the file system into processes, at their
 * preferred base when it is free, relocated elsewhere when it is not (the pages with fixups become private copies,
 * charged to the paging file), refused when the image is /FIXED. Loading a DLL loads its imports; LoadLibrary and
 * FreeLibrary count references. With ASLR every relocatable image gets one random base per boot.
 * Every method is called with the machine lock held.
 */
public final class ImageLoader {
    private final MachineConfig config;
    private final SimFileSystem files;
    private final PhysicalMemory phys;
    /** Invalidates every address space's cached translations (see {@link PageStore}). */
    private final Runnable sharedPageCreated;
    private final Map<String, ImageSection> cache = new HashMap<>();
    private final Map<String, Long> bootBases = new HashMap<>();
    private final SplittableRandom boot;

    public ImageLoader(MachineConfig config, SimFileSystem files, PhysicalMemory phys, Runnable sharedPageCreated) {
        this.config = config;
        this.files = files;
        this.phys = phys;
        this.sharedPageCreated = sharedPageCreated;
        this.boot = new SplittableRandom(config.seed() ^ 0x5EEDBA5EL);
    }

    /** Finds an image file: a full path as given, else in C:\PageLab then C:\Windows\System32, adding ".dll". */
    public String resolve(String name, boolean dll) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.replace('/', '\\');
        boolean qualified = n.contains("\\") || n.contains(":");
        String[] dirs = qualified ? new String[] {""} : new String[] {"C:\\PageLab\\", "C:\\Windows\\System32\\"};
        String fileName = n.substring(n.lastIndexOf('\\') + 1);
        for (String dir : dirs) {
            for (String candidate : dll && !fileName.contains(".") ? new String[] {n + ".dll", n} : new String[] {n}) {
                SimFile f = files.find(dir + candidate);
                if (f != null) {
                    return f.path();
                }
            }
        }
        return null;
    }

    /** The parsed image at a path (cached per machine, as the memory manager caches image sections); null if bad. */
    public ImageSection section(String path) {
        String key = path.toLowerCase(Locale.ROOT);
        ImageSection s = cache.get(key);
        if (s == null) {
            SimFile f = files.find(path);
            if (f == null || f.size() > Integer.MAX_VALUE) {
                return null;
            }
            byte[] bytes = new byte[(int) f.size()];
            f.read(0, bytes, 0, bytes.length);
            try {
                s = new ImageSection(f.path(), ImageFile.parse(bytes), sharedPageCreated);
            } catch (IllegalArgumentException e) {
                return null;
            }
            cache.put(key, s);
        }
        return s;
    }

    /**
     * Loads (or references again) an image into a process, with its imports.
     *
     * @param out receives the module
     * @return SUCCESS, or the status LoadLibrary / CreateProcess reports
     */
    public NtStatus load(Modules p, String name, boolean dll, Module[] out) {
        String path = resolve(name, dll);
        if (path == null) {
            return NtStatus.DLL_NOT_FOUND;
        }
        for (Module m : p.list()) {
            if (m.path().equalsIgnoreCase(path)) {
                m.addReference();
                out[0] = m;
                return NtStatus.SUCCESS;
            }
        }
        ImageSection image = section(path);
        if (image == null || image.image().dll() != dll) {
            return NtStatus.INVALID_IMAGE_FORMAT;
        }
        long size = image.image().sizeOfImage();
        long preferred = preferredBase(image);
        AddressSpace space = p.space();
        long base = preferred;
        if (preferred < space.minAddress() || size - 1 > space.maxAddress() - preferred
                || !space.isFree(preferred, size)) {
            if (image.image().fixed()) {
                return NtStatus.CONFLICTING_ADDRESSES; // /FIXED: no relocations, nowhere else to go
            }
            base = space.findFree(size, GRANULARITY, false, Math.min(preferred, space.maxAddress()), space.maxAddress());
            if (base < 0) {
                base = space.findFree(size, GRANULARITY, false, space.minAddress(), space.maxAddress());
            }
            if (base < 0) {
                return NtStatus.NO_MEMORY;
            }
        }
        View view = new View(base, size, MEM_IMAGE, PAGE_EXECUTE_WRITECOPY, new MappedBacking(image.store(), 0, image),
                path);
        for (int page = 0; page < image.pages(); page++) {
            view.setVprot(page, image.vprot(page));
        }
        long relocated = base == preferred ? 0 : relocate(image, view);
        if (relocated < 0) {
            return NtStatus.COMMITMENT_LIMIT;
        }
        space.insert(view);
        Module module = new Module(path.substring(path.lastIndexOf('\\') + 1), image, view, relocated);
        p.list().add(module);
        for (String dependency : image.image().imports()) {
            Module[] dep = new Module[1];
            NtStatus s = load(p, dependency, true, dep);
            if (s != NtStatus.SUCCESS) {
                unload(p, module);
                return s;
            }
            module.imports().add(dep[0]);
        }
        if (base != preferred) {
            view.setDetail(path + " (relocated from " + String.format("%#x", preferred) + ")");
        }
        out[0] = module;
        return NtStatus.SUCCESS;
    }

    /**
     * Applying fixups writes the image's pages, so every page of a non-shared section becomes a private copy backed by
     * the paging file (the reason the book tells you to rebase DLLs). Returns the pages copied, -1 without commit.
     */
    private long relocate(ImageSection image, View view) {
        long pages = 0;
        for (int page = 1; page < image.pages(); page++) {
            if (!image.isSharedSection(page)) {
                pages++;
            }
        }
        if (!phys.charge(pages)) {
            return -1;
        }
        for (int page = 1; page < image.pages(); page++) {
            if (!image.isSharedSection(page)) {
                view.backing().copyOnWrite(page);
            }
        }
        return pages;
    }

    /** Where the image goes when that range is free: its preferred base, or the boot's ASLR base for it. */
    public long preferredBase(ImageSection image) {
        ImageFile f = image.image();
        if (!config.aslr() || f.fixed()) {
            return f.preferredBase();
        }
        return bootBases.computeIfAbsent(image.path().toLowerCase(Locale.ROOT), k -> {
            boolean x64 = config.is64Bit();
            if (!f.dll()) {
                return f.preferredBase() + boot.nextLong(1, 0x100) * GRANULARITY;
            }
            long top = x64 ? 0x7FFF00000000L : 0x78000000L;
            return top - boot.nextLong(0x100, 0x4000) * GRANULARITY;
        });
    }

    /** FreeLibrary: drops a reference; the last one unmaps the image and releases its imports. */
    public void unload(Modules p, Module m) {
        if (m.dropReference() > 0) {
            return;
        }
        if (p.space().find(m.base()) == m.view()) {
            unmap(p, m.view());
        }
        p.list().remove(m);
        for (Module dep : List.copyOf(m.imports())) {
            unload(p, dep);
        }
    }

    /**
     * Unmaps an image view (FreeLibrary's last reference, or the process's end): the view's private copies go, and
     * so does the commit charged for its relocated pages.
     */
    public void unmap(Modules p, View view) {
        view.backing().discard(0, view.pages());
        p.space().remove(view);
        Module m = p.at(view.base());
        p.list().remove(m);
        if (m != null && m.relocatedPages() > 0) {
            phys.uncharge(m.relocatedPages());
        }
    }
}

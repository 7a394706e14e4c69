package pagelab.sim.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import pagelab.sim.vm.AddressSpace;

/**
 * The images loaded in one process (the PEB's loader list), exe first, and the address space they are mapped in.
 * The caller holds the machine lock.
 */
public final class Modules {
    private final AddressSpace space;
    private final List<Module> loaded = new ArrayList<>();

    public Modules(AddressSpace space) {
        this.space = space;
    }

    AddressSpace space() {
        return space;
    }

    List<Module> list() {
        return loaded;
    }

    /** The module of a name (case-insensitive, with or without ".dll", with or without a path), or null. */
    public Module named(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace('/', '\\');
        n = n.substring(n.lastIndexOf('\\') + 1);
        for (Module m : loaded) {
            String mn = m.name().toLowerCase(Locale.ROOT);
            if (mn.equals(n) || mn.equals(n + ".dll")) {
                return m;
            }
        }
        return null;
    }

    /** The module whose image is mapped at {@code base}, or null. */
    public Module at(long base) {
        for (Module m : loaded) {
            if (m.base() == base) {
                return m;
            }
        }
        return null;
    }
}

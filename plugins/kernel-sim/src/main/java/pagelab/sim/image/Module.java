package pagelab.sim.image;

import java.util.ArrayList;
import java.util.List;
import pagelab.sim.vm.View;

/** An image loaded in one process: where, how many LoadLibrary references hold it, what it pulled in. */
public final class Module {
    private final String name;
    private final ImageSection image;
    private final View view;
    private final long relocatedPages;
    private final List<Module> imports = new ArrayList<>();
    private int references = 1;

    Module(String name, ImageSection image, View view, long relocatedPages) {
        this.name = name;
        this.image = image;
        this.view = view;
        this.relocatedPages = relocatedPages;
    }

    public String name() {
        return name;
    }

    public String path() {
        return image.path();
    }

    public ImageSection image() {
        return image;
    }

    public View view() {
        return view;
    }

    public long base() {
        return view.base();
    }

    /** Pages the loader had to copy to apply relocations: the cost of loading away from the preferred base. */
    public long relocatedPages() {
        return relocatedPages;
    }

    List<Module> imports() {
        return imports;
    }

    int references() {
        return references;
    }

    void addReference() {
        references++;
    }

    int dropReference() {
        return --references;
    }
}

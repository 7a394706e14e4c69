package pagelab.app.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A second PageLab process for {@link DataFolderTest}: {@code hold DIR} opens the data folder, makes one temporary
 * file or folder of every kind PageLab makes, prints {@code ready} and lives until its input closes (or it is
 * killed; a third argument plays a process started at that time); {@code start DIR} opens the folder, as a PageLab
 * start does, and exits.
 */
public final class LeaseHolderChild {
    private LeaseHolderChild() {
    }

    public static void main(String[] args) throws Exception {
        long start = args.length > 2 ? Long.parseLong(args[2]) : System.currentTimeMillis();
        DataFolder folder = DataFolder.open(Path.of(args[1]), start);
        if (args[0].equals("hold")) {
            plant(folder.root(), "live");
            System.out.println("ready");
            System.out.flush();
            System.in.read();
        } else {
            System.out.println("swept " + folder.warnings());
        }
    }

    /** One temporary file or folder of each kind PageLab makes, named after {@code tag}; returns them. */
    static List<Path> plant(Path root, String tag) throws Exception {
        List<Path> made = leftovers(root, tag);
        for (Path p : made) {
            if (p.getFileName().toString().startsWith(".")) {
                file(p);
            } else {
                Files.createDirectories(p);
            }
        }
        file(made.get(made.size() - 2).resolve("pkg/Solution.class")); // a half-compiled class folder is not empty
        return made;
    }

    /** The leftovers {@link #plant} makes. */
    static List<Path> leftovers(Path root, String tag) {
        return List.of(
                root.resolve(".progress.json." + tag + "1.pagelab-tmp"),
                root.resolve(".pagelab-" + tag + "2.tmp"),
                root.resolve("solutions/sparse-cells/.SparseCells.java." + tag + "3.pagelab-tmp"),
                root.resolve("sessions/.session.txt." + tag + "4.pagelab-tmp"),
                root.resolve("bundles/.bundle-" + tag + "5.tmp"),
                root.resolve("plugins/.install-" + tag + "6.tmp"),
                root.resolve("cache/classes/0123456789abcdef0123456789abcdef.tmp" + tag),
                root.resolve("cache/child-" + tag + "7"));
    }

    static Path file(Path p) throws Exception {
        Files.createDirectories(p.getParent());
        return Files.writeString(p, "half a wri");
    }
}

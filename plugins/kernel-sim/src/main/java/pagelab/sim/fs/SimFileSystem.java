package pagelab.sim.fs;

import static pagelab.kernel.WinNT.CREATE_ALWAYS;
import static pagelab.kernel.WinNT.CREATE_NEW;
import static pagelab.kernel.WinNT.FILE_FLAG_DELETE_ON_CLOSE;
import static pagelab.kernel.WinNT.FILE_SHARE_DELETE;
import static pagelab.kernel.WinNT.FILE_SHARE_READ;
import static pagelab.kernel.WinNT.FILE_SHARE_WRITE;
import static pagelab.kernel.WinNT.GENERIC_ALL;
import static pagelab.kernel.WinNT.GENERIC_EXECUTE;
import static pagelab.kernel.WinNT.GENERIC_READ;
import static pagelab.kernel.WinNT.GENERIC_WRITE;
import static pagelab.kernel.WinNT.OPEN_ALWAYS;
import static pagelab.kernel.WinNT.OPEN_EXISTING;
import static pagelab.kernel.WinNT.TRUNCATE_EXISTING;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import pagelab.kernel.LongByReference;
import pagelab.kernel.WinError;
import pagelab.kernel.host.FileContent;
import pagelab.kernel.host.HostFiles;
import pagelab.sim.sync.KernelLock;

/**
 * The machine's file system: a flat map from case-insensitive Windows paths to files, with CreateFile's
 * dispositions and sharing rules. Also the host-side {@link HostFiles}. Every method takes the machine lock.
 */
public final class SimFileSystem implements HostFiles {
    private final KernelLock lock;
    private final Map<String, SimFile> files = new TreeMap<>();
    private final Map<SimFile, List<FileObject>> open = new HashMap<>();

    private final Runnable shared;

    /** @param shared called when a file page is created (see {@link SimFile}) */
    public SimFileSystem(KernelLock lock, Runnable shared) {
        this.lock = lock;
        this.shared = shared;
    }

    static String key(String path) {
        String p = path.replace('/', '\\').trim();
        if (p.length() > 1 && p.charAt(1) != ':' && !p.startsWith("\\")) {
            p = "C:\\PageLab\\" + p; // relative names resolve in the process's current directory
        }
        return p.toLowerCase(Locale.ROOT);
    }

    /**
     * CreateFile: opens or creates a file. Returns the Win32 error (0 on success; ERROR_ALREADY_EXISTS is a
     * success for CREATE_ALWAYS and OPEN_ALWAYS, as on Windows) and the new object in {@code out}.
     */
    public int open(String path, int desiredAccess, int shareMode, int disposition, int flags, FileObject[] out) {
        if (path == null) {
            return WinError.ERROR_INVALID_PARAMETER;
        }
        if (path.isBlank()) {
            return WinError.ERROR_PATH_NOT_FOUND;
        }
        if (disposition < CREATE_NEW || disposition > TRUNCATE_EXISTING
                || (shareMode & ~(FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE)) != 0) {
            return WinError.ERROR_INVALID_PARAMETER;
        }
        int access = normalise(desiredAccess);
        if (disposition == TRUNCATE_EXISTING && (access & GENERIC_WRITE) == 0) {
            return WinError.ERROR_INVALID_PARAMETER;
        }
        lock.lock();
        try {
            String key = key(path);
            SimFile file = files.get(key);
            boolean existed = file != null;
            if (existed && disposition == CREATE_NEW) {
                return WinError.ERROR_FILE_EXISTS;
            }
            if (!existed && (disposition == OPEN_EXISTING || disposition == TRUNCATE_EXISTING)) {
                return WinError.ERROR_FILE_NOT_FOUND;
            }
            if (existed && !shareAllows(file, access, shareMode)) {
                return WinError.ERROR_SHARING_VIOLATION;
            }
            if (existed && (disposition == CREATE_ALWAYS || disposition == TRUNCATE_EXISTING)) {
                if (file.mappedSize() > 0) {
                    return WinError.ERROR_USER_MAPPED_FILE;
                }
                file.setSize(0);
            }
            if (!existed) {
                file = new SimFile(path, shared);
                files.put(key, file);
            }
            FileObject object = new FileObject(this, file, access, shareMode,
                    (flags & FILE_FLAG_DELETE_ON_CLOSE) != 0);
            open.computeIfAbsent(file, f -> new ArrayList<>()).add(object);
            out[0] = object;
            return existed && (disposition == CREATE_ALWAYS || disposition == OPEN_ALWAYS)
                    ? WinError.ERROR_ALREADY_EXISTS : 0;
        } finally {
            lock.unlock();
        }
    }

    private static int normalise(int desired) {
        int a = desired & (GENERIC_READ | GENERIC_WRITE | GENERIC_EXECUTE);
        if ((desired & GENERIC_ALL) != 0) {
            a = GENERIC_READ | GENERIC_WRITE | GENERIC_EXECUTE;
        }
        return a;
    }

    /**
     * Windows' sharing check (IoCheckShareAccess): each side's access must be allowed by the other side's share
     * mode, reading or executing by FILE_SHARE_READ, writing by FILE_SHARE_WRITE. An open without data access (0,
     * or attributes only) takes no part in it, on either side.
     */
    private boolean shareAllows(SimFile file, int access, int share) {
        if (!dataAccess(access)) {
            return true;
        }
        for (FileObject o : open.getOrDefault(file, List.of())) {
            if (!dataAccess(o.access())) {
                continue;
            }
            if (reads(access) && (o.share() & FILE_SHARE_READ) == 0
                    || (access & GENERIC_WRITE) != 0 && (o.share() & FILE_SHARE_WRITE) == 0
                    || reads(o.access()) && (share & FILE_SHARE_READ) == 0
                    || (o.access() & GENERIC_WRITE) != 0 && (share & FILE_SHARE_WRITE) == 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean dataAccess(int access) {
        return (access & (GENERIC_READ | GENERIC_WRITE | GENERIC_EXECUTE)) != 0;
    }

    private static boolean reads(int access) {
        return (access & (GENERIC_READ | GENERIC_EXECUTE)) != 0;
    }

    void closed(FileObject object, boolean deleteOnClose) {
        lock.lock();
        try {
            List<FileObject> list = open.get(object.file());
            if (list != null) {
                list.remove(object);
                if (list.isEmpty()) {
                    open.remove(object.file());
                    if (deleteOnClose && object.file().mappedSize() == 0) {
                        files.values().remove(object.file());
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** SetFilePointerEx's arithmetic; returns the Win32 error. */
    public static int seek(FileObject f, long distance, int method, LongByReference newPosition) {
        long base;
        switch (method) {
            case 0: base = 0; break;
            case 1: base = f.position(); break;
            case 2: base = f.file().size(); break;
            default: return WinError.ERROR_INVALID_PARAMETER;
        }
        long target = base + distance;
        if (target < 0 || (distance > 0 && target < base)) {
            return WinError.ERROR_NEGATIVE_SEEK;
        }
        f.setPosition(target);
        if (newPosition != null) {
            newPosition.setValue(target);
        }
        return 0;
    }

    // ---------------------------------------------------------------- HostFiles

    @Override
    public void write(String path, byte[] content) {
        lock.lock();
        try {
            SimFile f = files.computeIfAbsent(key(path), k -> new SimFile(path, shared));
            f.setSize(0);
            f.write(0, content, 0, content.length);
            f.flush(0, Integer.MAX_VALUE);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void createGenerated(String path, long size, FileContent content) {
        if (size < 0 || content == null) {
            throw new IllegalArgumentException("createGenerated: size >= 0 and content required");
        }
        lock.lock();
        try {
            files.computeIfAbsent(key(path), k -> new SimFile(path, shared)).generate(size, content);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public byte[] read(String path) {
        long size = size(path);
        if (size < 0) {
            throw new IllegalArgumentException("no file \"" + path + "\"");
        }
        if (size > (1L << 30)) {
            throw new IllegalArgumentException("\"" + path + "\" is " + size + " bytes: read it in parts");
        }
        return read(path, 0, (int) size);
    }

    @Override
    public byte[] read(String path, long offset, int length) {
        lock.lock();
        try {
            SimFile f = files.get(key(path));
            if (f == null) {
                throw new IllegalArgumentException("no file \"" + path + "\"");
            }
            byte[] buf = new byte[(int) Math.max(0, Math.min(length, f.size() - offset))];
            f.read(offset, buf, 0, buf.length);
            return buf;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long size(String path) {
        lock.lock();
        try {
            SimFile f = files.get(key(path));
            return f == null ? -1 : f.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean exists(String path) {
        return size(path) >= 0;
    }

    @Override
    public boolean delete(String path) {
        lock.lock();
        try {
            SimFile f = files.get(key(path));
            if (f == null || open.containsKey(f) || f.mappedSize() > 0) {
                return false;
            }
            files.remove(key(path));
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<String> list() {
        lock.lock();
        try {
            List<String> out = new ArrayList<>();
            for (SimFile f : files.values()) {
                out.add(f.path());
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** The file at a path, or null. Caller holds the lock. */
    public SimFile find(String path) {
        return files.get(key(path));
    }
}

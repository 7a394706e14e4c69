package pagelab.sim.fs;

import pagelab.sim.thread.KernelObject;

/** An open file: the file, the access and sharing it was opened with, and its file pointer. */
public final class FileObject extends KernelObject {
    private final SimFileSystem fs;
    private final SimFile file;
    private final int access;
    private final int share;
    private final boolean deleteOnClose;
    private long position;

    FileObject(SimFileSystem fs, SimFile file, int access, int share, boolean deleteOnClose) {
        this.fs = fs;
        this.file = file;
        this.access = access;
        this.share = share;
        this.deleteOnClose = deleteOnClose;
    }

    public SimFile file() {
        return file;
    }

    /** GENERIC_READ / GENERIC_WRITE / GENERIC_EXECUTE bits, normalised from GENERIC_ALL. */
    public int access() {
        return access;
    }

    int share() {
        return share;
    }

    public long position() {
        return position;
    }

    public void setPosition(long position) {
        this.position = position;
    }

    @Override
    public String typeName() {
        return "File";
    }

    @Override
    protected void destroyed() {
        fs.closed(this, deleteOnClose);
    }
}

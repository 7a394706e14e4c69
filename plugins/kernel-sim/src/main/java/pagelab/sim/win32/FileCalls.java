package pagelab.sim.win32;

import static pagelab.kernel.WinError.ERROR_ACCESS_DENIED;
import static pagelab.kernel.WinError.ERROR_ALREADY_EXISTS;
import static pagelab.kernel.WinError.ERROR_INVALID_HANDLE;
import static pagelab.kernel.WinError.ERROR_INVALID_PARAMETER;
import static pagelab.kernel.WinError.ERROR_INVALID_USER_BUFFER;
import static pagelab.kernel.WinError.ERROR_NOACCESS;
import static pagelab.kernel.WinError.ERROR_USER_MAPPED_FILE;
import static pagelab.kernel.WinNT.CREATE_ALWAYS;
import static pagelab.kernel.WinNT.GENERIC_READ;
import static pagelab.kernel.WinNT.GENERIC_WRITE;
import static pagelab.kernel.WinNT.OPEN_ALWAYS;
import static pagelab.kernel.format.Win32Format.bool;
import static pagelab.kernel.format.Win32Format.hex;
import static pagelab.kernel.format.Win32Format.hexSize;

import pagelab.kernel.IntByReference;
import pagelab.kernel.LongByReference;
import pagelab.kernel.SECURITY_ATTRIBUTES;
import pagelab.sim.fs.FileObject;
import pagelab.sim.fs.SimFileSystem;
import pagelab.sim.mmu.Access;
import pagelab.sim.thread.KernelObject;
import pagelab.sim.thread.SimThread;

/** CreateFile, ReadFile, WriteFile, SetFilePointerEx, SetEndOfFile, GetFileSizeEx (chapter 17's file I/O). */
final class FileCalls {
    private static final int CHUNK = 1 << 16;

    private final Calls c;

    FileCalls(Calls calls) {
        this.c = calls;
    }

    long createFile(String name, int access, int share, SECURITY_ATTRIBUTES sa, int disposition, int flags,
                    long template) {
        SimThread t = c.begin();
        int err = c.injected("CreateFile");
        FileObject[] out = new FileObject[1];
        if (err == 0) {
            err = c.m.fileSystem().open(name, access, share, disposition, flags, out);
        }
        long handle = -1;
        if (err == 0 || err == ERROR_ALREADY_EXISTS) {
            handle = c.p.handles().add(out[0], -1, HandleCalls.inheritFlag(sa));
            // A successful CreateFile always sets the last error: ERROR_ALREADY_EXISTS when CREATE_ALWAYS or
            // OPEN_ALWAYS found the file, else 0 (CreateFileW on Microsoft Learn; kernelbase in Wine).
            boolean existed = err == ERROR_ALREADY_EXISTS
                    && (disposition == CREATE_ALWAYS || disposition == OPEN_ALWAYS);
            t.setLastError(existed ? ERROR_ALREADY_EXISTS : 0);
            err = 0;
        }
        Calls.finish(t, err);
        if (c.tracing()) {
            c.trace(t, "CreateFile", err, handle == -1 ? "INVALID_HANDLE_VALUE" : hex(handle), false,
                    name == null ? "NULL" : '"' + name + '"', hex(access & 0xFFFFFFFFL), hex(share),
                    sa == null ? "NULL" : "&sa", Integer.toString(disposition), hex(flags & 0xFFFFFFFFL),
                    hex(template));
        }
        return handle;
    }

    private FileObject file(long handle) {
        KernelObject o = c.p.handles().get(handle);
        return o instanceof FileObject ? (FileObject) o : null;
    }

    boolean getFileSizeEx(long handle, LongByReference size) {
        SimThread t = c.begin();
        FileObject f = file(handle);
        int err = f == null ? ERROR_INVALID_HANDLE : size == null ? ERROR_NOACCESS : 0;
        if (err == 0) {
            c.lock.lock();
            try {
                size.setValue(f.file().size());
            } finally {
                c.lock.unlock();
            }
        }
        Calls.finish(t, err);
        if (c.tracing()) {
            c.trace(t, "GetFileSizeEx", err, bool(err == 0), false, hex(handle),
                    err == 0 ? "&size=" + hexSize(size.getValue()) : "&size");
        }
        return err == 0;
    }

    boolean readFile(long handle, long buffer, int count, IntByReference read, long overlapped) {
        SimThread t = c.begin();
        FileObject f = file(handle);
        long n = Integer.toUnsignedLong(count);
        int err = f == null ? ERROR_INVALID_HANDLE : overlapped != 0 ? ERROR_INVALID_PARAMETER
                : (f.access() & GENERIC_READ) == 0 ? ERROR_ACCESS_DENIED : c.injected("ReadFile");
        long done = 0;
        if (err == 0) {
            c.lock.lock();
            try {
                if (!c.p.kernelAccess().probe(buffer, n, Access.WRITE)) {
                    c.p.kernelAccess().consumeGuard(buffer, n);
                    err = ERROR_NOACCESS;
                } else {
                    done = transfer(f, buffer, n, true);
                }
            } finally {
                c.lock.unlock();
            }
        }
        if (read != null) {
            read.setValue((int) done);
        }
        Calls.finish(t, err);
        if (c.tracing()) {
            c.trace(t, "ReadFile", err, bool(err == 0), true, hex(handle), hex(buffer), Long.toString(n),
                    "&read=" + done, hex(overlapped));
        }
        return err == 0;
    }

    boolean writeFile(long handle, long buffer, int count, IntByReference written, long overlapped) {
        SimThread t = c.begin();
        FileObject f = file(handle);
        long n = Integer.toUnsignedLong(count);
        int err = f == null ? ERROR_INVALID_HANDLE : overlapped != 0 ? ERROR_INVALID_PARAMETER
                : (f.access() & GENERIC_WRITE) == 0 ? ERROR_ACCESS_DENIED : c.injected("WriteFile");
        long done = 0;
        if (err == 0) {
            c.lock.lock();
            try {
                if (!c.p.kernelAccess().probe(buffer, n, Access.READ)) {
                    // NtWriteFile answers STATUS_INVALID_USER_BUFFER for a buffer it cannot read (Wine's answer;
                    // ReadFile's unwritable buffer is ERROR_NOACCESS).
                    c.p.kernelAccess().consumeGuard(buffer, n);
                    err = ERROR_INVALID_USER_BUFFER;
                } else {
                    done = transfer(f, buffer, n, false);
                }
            } finally {
                c.lock.unlock();
            }
        }
        if (written != null) {
            written.setValue((int) done);
        }
        Calls.finish(t, err);
        if (c.tracing()) {
            c.trace(t, "WriteFile", err, bool(err == 0), false, hex(handle), hex(buffer), Long.toString(n),
                    "&written=" + done, hex(overlapped));
        }
        return err == 0;
    }

    /** Moves bytes between the file (at its pointer) and user memory in 64 KiB steps; returns bytes moved. */
    private long transfer(FileObject f, long buffer, long n, boolean toUser) {
        byte[] chunk = new byte[(int) Math.min(CHUNK, Math.max(1, n))];
        long done = 0;
        while (done < n) {
            int step = (int) Math.min(chunk.length, n - done);
            if (toUser) {
                int got = f.file().read(f.position(), chunk, 0, step);
                if (got <= 0) {
                    break;
                }
                c.p.kernelAccess().copyOut(buffer + done, chunk, 0, got);
                f.setPosition(f.position() + got);
                done += got;
            } else {
                c.p.kernelAccess().copyIn(buffer + done, chunk, 0, step);
                f.file().write(f.position(), chunk, 0, step);
                f.setPosition(f.position() + step);
                done += step;
            }
        }
        return done;
    }

    boolean setFilePointerEx(long handle, long distance, LongByReference newPosition, int method) {
        SimThread t = c.begin();
        FileObject f = file(handle);
        int err = f == null ? ERROR_INVALID_HANDLE : 0;
        if (err == 0) {
            c.lock.lock();
            try {
                err = SimFileSystem.seek(f, distance, method, newPosition);
            } finally {
                c.lock.unlock();
            }
        }
        Calls.finish(t, err);
        if (c.tracing()) {
            c.trace(t, "SetFilePointerEx", err, bool(err == 0), false, hex(handle), Long.toString(distance),
                    "&pos", Integer.toString(method));
        }
        return err == 0;
    }

    boolean setEndOfFile(long handle) {
        SimThread t = c.begin();
        FileObject f = file(handle);
        int err = f == null ? ERROR_INVALID_HANDLE : (f.access() & GENERIC_WRITE) == 0 ? ERROR_ACCESS_DENIED : 0;
        if (err == 0) {
            c.lock.lock();
            try {
                if (f.position() < f.file().mappedSize()) {
                    err = ERROR_USER_MAPPED_FILE; // a mapped section may not lose its pages
                } else {
                    f.file().setSize(f.position());
                }
            } finally {
                c.lock.unlock();
            }
        }
        Calls.finish(t, err);
        if (c.tracing()) {
            c.trace(t, "SetEndOfFile", err, bool(err == 0), false, hex(handle));
        }
        return err == 0;
    }
}

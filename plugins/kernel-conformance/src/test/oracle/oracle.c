/*
 * The oracle's C interpreter: runs scripts of Win32 calls (README.md in this folder) against the real API, under
 * Wine here or on Windows, and prints one canonical line per call, the same lines the Java interpreter
 * (ScriptInterpreter) prints against pagelab.kernel. Built with mingw-w64 by record.sh.
 *
 *   oracle.exe FILE...       runs the scripts of each FILE ("=== NAME" starts one) and prints, for each, its
 *                            "=== NAME" and one line per call
 *   oracle.exe --after NAME FILE...   the same, starting after script NAME (record.sh resumes with it when a
 *                            script crashes the implementation under test, as one of Wine's does)
 *
 * Memory accesses that fault are caught by a vectored exception handler: the accessors below are leaf
 * functions of one instruction and a return, so the handler records the exception and resumes at a return
 * instruction with the marker in RAX (mingw has no __try/__except).
 */
#include <windows.h>
#include <fcntl.h>
#include <io.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_REGS 100
#define MAX_LINE 1024

typedef struct { uintptr_t base; uintptr_t extent; int used; int view; int bound; } Reg;
static int bindCount;
static Reg regs[MAX_REGS];
static HANDLE handles[MAX_REGS];
static int handleUsed[MAX_REGS];
static char fileDir[MAX_PATH];
static char files[64][MAX_PATH];
static int fileCount;

/* ---- faults ---- */
static volatile DWORD faultCode;
static volatile ULONG_PTR faultInfo0, faultInfo1;
static volatile int faulted;

uint64_t load1(void *p); uint64_t load2(void *p); uint64_t load4(void *p); uint64_t load8(void *p);
void store1(void *p, uint64_t v); void store2(void *p, uint64_t v); void store4(void *p, uint64_t v);
void store8(void *p, uint64_t v); void resume_here(void);
__asm__(
    ".text\n"
    ".globl load1\nload1: movzbq (%rcx), %rax\n ret\n"
    ".globl load2\nload2: movzwq (%rcx), %rax\n ret\n"
    ".globl load4\nload4: movl (%rcx), %eax\n ret\n"
    ".globl load8\nload8: movq (%rcx), %rax\n ret\n"
    ".globl store1\nstore1: movb %dl, (%rcx)\n ret\n"
    ".globl store2\nstore2: movw %dx, (%rcx)\n ret\n"
    ".globl store4\nstore4: movl %edx, (%rcx)\n ret\n"
    ".globl store8\nstore8: movq %rdx, (%rcx)\n ret\n"
    ".globl resume_here\nresume_here: ret\n");

static LONG CALLBACK onFault(EXCEPTION_POINTERS *e) {
    DWORD code = e->ExceptionRecord->ExceptionCode;
    if (code != EXCEPTION_ACCESS_VIOLATION && code != STATUS_GUARD_PAGE_VIOLATION) {
        return EXCEPTION_CONTINUE_SEARCH;
    }
    faulted = 1;
    faultCode = code;
    faultInfo0 = e->ExceptionRecord->NumberParameters > 0 ? e->ExceptionRecord->ExceptionInformation[0] : 0;
    faultInfo1 = e->ExceptionRecord->NumberParameters > 1 ? e->ExceptionRecord->ExceptionInformation[1] : 0;
    e->ContextRecord->Rip = (DWORD64) (uintptr_t) resume_here;
    return EXCEPTION_CONTINUE_EXECUTION;
}

/* ---- symbols ---- */
typedef struct { const char *name; uint64_t value; } Const;
static const Const CONSTS[] = {
    {"null", 0}, {"NULL", 0}, {"INVALID_HANDLE_VALUE", (uint64_t) -1},
    {"PAGE_NOACCESS", 0x01}, {"PAGE_READONLY", 0x02}, {"PAGE_READWRITE", 0x04}, {"PAGE_WRITECOPY", 0x08},
    {"PAGE_EXECUTE", 0x10}, {"PAGE_EXECUTE_READ", 0x20}, {"PAGE_EXECUTE_READWRITE", 0x40},
    {"PAGE_EXECUTE_WRITECOPY", 0x80}, {"PAGE_GUARD", 0x100}, {"PAGE_NOCACHE", 0x200},
    {"PAGE_WRITECOMBINE", 0x400},
    {"MEM_COMMIT", 0x1000}, {"MEM_RESERVE", 0x2000}, {"MEM_DECOMMIT", 0x4000}, {"MEM_RELEASE", 0x8000},
    {"MEM_RESET", 0x80000}, {"MEM_TOP_DOWN", 0x100000}, {"MEM_RESET_UNDO", 0x1000000},
    {"MEM_LARGE_PAGES", 0x20000000},
    {"SEC_COMMIT", 0x8000000}, {"SEC_RESERVE", 0x4000000}, {"SEC_IMAGE", 0x1000000},
    {"SEC_NOCACHE", 0x10000000}, {"SEC_LARGE_PAGES", 0x80000000}, {"SEC_WRITECOMBINE", 0x40000000},
    {"FILE_MAP_COPY", 0x1}, {"FILE_MAP_WRITE", 0x2}, {"FILE_MAP_READ", 0x4}, {"FILE_MAP_EXECUTE", 0x20},
    {"FILE_MAP_ALL_ACCESS", 0xF001F},
    {"GENERIC_READ", 0x80000000}, {"GENERIC_WRITE", 0x40000000}, {"GENERIC_EXECUTE", 0x20000000},
    {"FILE_SHARE_READ", 1}, {"FILE_SHARE_WRITE", 2}, {"FILE_SHARE_DELETE", 4},
    {"CREATE_NEW", 1}, {"CREATE_ALWAYS", 2}, {"OPEN_EXISTING", 3}, {"OPEN_ALWAYS", 4},
    {"TRUNCATE_EXISTING", 5}, {"FILE_ATTRIBUTE_NORMAL", 0x80},
    {"FILE_BEGIN", 0}, {"FILE_CURRENT", 1}, {"FILE_END", 2},
    {"TRUE", 1}, {"FALSE", 0}, {0, 0}};

static int reg_index(const char *t, char kind) {
    if (t[0] != kind || t[1] < '0' || t[1] > '9') {
        return -1;
    }
    int n = atoi(t + 1);
    return n > 0 && n < MAX_REGS ? n : -1;
}

/* A number, a constant, A|B, rN, rN+off, rN-off, hN. */
static uint64_t value_of(const char *t) {
    char buf[256];
    strncpy(buf, t, sizeof buf - 1);
    buf[sizeof buf - 1] = 0;
    char *bar = strchr(buf, '|');
    if (bar) {
        *bar = 0;
        return value_of(buf) | value_of(bar + 1);
    }
    if (buf[0] == 'h' && reg_index(buf, 'h') > 0) {
        return (uint64_t) (uintptr_t) handles[reg_index(buf, 'h')];
    }
    if (buf[0] == 'r' && buf[1] >= '0' && buf[1] <= '9') {
        char *sign = strpbrk(buf + 1, "+-");
        int64_t off = 0;
        if (sign) {
            off = (int64_t) strtoull(sign + 1, NULL, 0);
            if (*sign == '-') {
                off = -off;
            }
            *sign = 0;
        }
        return regs[reg_index(buf, 'r')].base + off;
    }
    for (const Const *c = CONSTS; c->name; c++) {
        if (strcmp(c->name, buf) == 0) {
            return c->value;
        }
    }
    if (buf[0] == '-') {
        return (uint64_t) -(int64_t) strtoull(buf + 1, NULL, 0);
    }
    return strtoull(buf, NULL, 0);
}

/* An address as the output names it: relative to the register whose range holds it. */
static void sym(char *out, uintptr_t a) {
    int best = -1;
    for (int i = 1; i < MAX_REGS; i++) {
        if (regs[i].used && a >= regs[i].base && a - regs[i].base < (regs[i].extent ? regs[i].extent : 1)
                && (best < 0 || regs[i].base > regs[best].base
                    || (regs[i].base == regs[best].base && regs[i].bound > regs[best].bound))) {
            best = i;
        }
    }
    if (a == 0) {
        strcpy(out, "0");
    } else if (best < 0) {
        strcpy(out, "?");
    } else if (a == regs[best].base) {
        sprintf(out, "r%d", best);
    } else {
        sprintf(out, "r%d+0x%llx", best, (unsigned long long) (a - regs[best].base));
    }
}

static void handle_text(char *out, HANDLE h) {
    if (h == NULL) {
        strcpy(out, "0");
    } else if (h == INVALID_HANDLE_VALUE) {
        strcpy(out, "-1");
    } else {
        strcpy(out, "new");
    }
}

static int tokenize(char *line, char **tok, int max) {
    int n = 0;
    char *p = line;
    while (*p && n < max) {
        while (*p == ' ' || *p == '\t') {
            p++;
        }
        if (!*p || *p == '#' || *p == '\n' || *p == '\r') {
            break;
        }
        if (*p == '"') {
            tok[n++] = ++p;
            while (*p && *p != '"') {
                p++;
            }
        } else {
            tok[n++] = p;
            while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') {
                p++;
            }
        }
        if (*p) {
            *p++ = 0;
        }
    }
    return n;
}

static const char *path_of(const char *name) {
    static char path[MAX_PATH];
    snprintf(path, sizeof path, "%s%s", fileDir, name);
    for (int i = 0; i < fileCount; i++) {
        if (strcmp(files[i], path) == 0) {
            return path;
        }
    }
    if (fileCount < 64) {
        strcpy(files[fileCount++], path);
    }
    return path;
}

static void bind_reg(const char *target, uintptr_t base, uintptr_t extent, int view) {
    int i = target ? reg_index(target, 'r') : -1;
    if (i > 0 && base) {
        regs[i].base = base;
        regs[i].extent = extent;
        regs[i].used = 1;
        regs[i].view = view;
        regs[i].bound = ++bindCount;
    }
}

static void bind_handle(const char *target, HANDLE h) {
    int i = target ? reg_index(target, 'h') : -1;
    if (i > 0) {
        handles[i] = h;
        handleUsed[i] = 1;
    }
}

/* One call: prints its line. */
static void run(int lineNo, char **t, int n) {
    const char *target = NULL;
    if (n >= 2 && strcmp(t[1], "=") == 0) {
        target = t[0];
        t += 2;
        n -= 2;
    }
    const char *f = t[0];
    char a[64], b[64], c[64], d[64];
    #define ARG(k) (n > (k) ? value_of(t[k]) : 0)
    SetLastError(0xDEADBEEF);
    printf("L%d %s:", lineNo, f);
    if (!strcmp(f, "VirtualAlloc")) {
        uintptr_t want = (uintptr_t) ARG(1);
        void *r = VirtualAlloc((void *) want, (SIZE_T) ARG(2), (DWORD) ARG(3), (DWORD) ARG(4));
        DWORD e = GetLastError();
        if (r && !want) {
            strcpy(a, "new");
        } else {
            sym(a, (uintptr_t) r);
        }
        printf(" ret=%s err=%lu\n", a, e);
        bind_reg(target, (uintptr_t) r, (uintptr_t) ARG(2), 0);
    } else if (!strcmp(f, "VirtualFree")) {
        BOOL r = VirtualFree((void *) (uintptr_t) ARG(1), (SIZE_T) ARG(2), (DWORD) ARG(3));
        printf(" ret=%d err=%lu\n", r ? 1 : 0, GetLastError());
    } else if (!strcmp(f, "VirtualProtect")) {
        DWORD old = 0xDEADBEEF;
        BOOL r = VirtualProtect((void *) (uintptr_t) ARG(1), (SIZE_T) ARG(2), (DWORD) ARG(3), &old);
        printf(" ret=%d err=%lu old=0x%lx\n", r ? 1 : 0, GetLastError(), old);
    } else if (!strcmp(f, "VirtualQuery")) {
        MEMORY_BASIC_INFORMATION m;
        memset(&m, 0xAB, sizeof m);
        SIZE_T r = VirtualQuery((void *) (uintptr_t) ARG(1), &m, sizeof m);
        DWORD e = GetLastError();
        if (!r) {
            printf(" ret=0 err=%lu\n", e);
        } else if (m.State == MEM_FREE) {
            sym(a, (uintptr_t) m.BaseAddress);
            printf(" ret=%llu err=%lu base=%s state=0x%lx prot=0x%lx\n", (unsigned long long) r, e, a, m.State,
                   m.Protect);
        } else {
            sym(a, (uintptr_t) m.BaseAddress);
            sym(b, (uintptr_t) m.AllocationBase);
            printf(" ret=%llu err=%lu base=%s alloc=%s aprot=0x%lx size=0x%llx state=0x%lx prot=0x%lx type=0x%lx\n",
                   (unsigned long long) r, e, a, b, m.AllocationProtect, (unsigned long long) m.RegionSize, m.State,
                   m.Protect, m.Type);
        }
    } else if (!strcmp(f, "CreateFileMapping")) {
        const char *name = n > 5 && strcmp(t[5], "null") ? t[5] : NULL;
        HANDLE h = CreateFileMappingA((HANDLE) (uintptr_t) ARG(1), NULL, (DWORD) ARG(2), (DWORD) ARG(3),
                                      (DWORD) ARG(4), name);
        DWORD e = GetLastError();
        handle_text(a, h);
        printf(" ret=%s err=%lu\n", a, e);
        bind_handle(target, h);
    } else if (!strcmp(f, "OpenFileMapping")) {
        HANDLE h = OpenFileMappingA((DWORD) ARG(1), (BOOL) ARG(2), n > 3 ? t[3] : "");
        DWORD e = GetLastError();
        handle_text(a, h);
        printf(" ret=%s err=%lu\n", a, e);
        bind_handle(target, h);
    } else if (!strcmp(f, "MapViewOfFile") || !strcmp(f, "MapViewOfFileEx")) {
        int ex = !strcmp(f, "MapViewOfFileEx");
        uintptr_t want = ex ? (uintptr_t) ARG(6) : 0;
        void *r = ex ? MapViewOfFileEx((HANDLE) (uintptr_t) ARG(1), (DWORD) ARG(2), (DWORD) ARG(3), (DWORD) ARG(4),
                                       (SIZE_T) ARG(5), (void *) want)
                     : MapViewOfFile((HANDLE) (uintptr_t) ARG(1), (DWORD) ARG(2), (DWORD) ARG(3), (DWORD) ARG(4),
                                     (SIZE_T) ARG(5));
        DWORD e = GetLastError();
        if (r && !want) {
            strcpy(a, "new");
        } else {
            sym(a, (uintptr_t) r);
        }
        printf(" ret=%s err=%lu\n", a, e);
        bind_reg(target, (uintptr_t) r, ARG(5) ? (uintptr_t) ARG(5) : 0x40000000, 1);
    } else if (!strcmp(f, "UnmapViewOfFile")) {
        BOOL r = UnmapViewOfFile((void *) (uintptr_t) ARG(1));
        printf(" ret=%d err=%lu\n", r ? 1 : 0, GetLastError());
    } else if (!strcmp(f, "FlushViewOfFile")) {
        BOOL r = FlushViewOfFile((void *) (uintptr_t) ARG(1), (SIZE_T) ARG(2));
        printf(" ret=%d err=%lu\n", r ? 1 : 0, GetLastError());
    } else if (!strcmp(f, "CloseHandle")) {
        BOOL r = CloseHandle((HANDLE) (uintptr_t) ARG(1));
        printf(" ret=%d err=%lu\n", r ? 1 : 0, GetLastError());
    } else if (!strcmp(f, "CreateFile")) {
        HANDLE h = CreateFileA(path_of(n > 1 ? t[1] : "x"), (DWORD) ARG(2), (DWORD) ARG(3), NULL, (DWORD) ARG(4),
                               (DWORD) ARG(5), NULL);
        DWORD e = GetLastError();
        handle_text(a, h);
        printf(" ret=%s err=%lu\n", a, e);
        bind_handle(target, h);
    } else if (!strcmp(f, "WriteFile") || !strcmp(f, "ReadFile")) {
        DWORD done = 0xDEADBEEF;
        BOOL r = !strcmp(f, "WriteFile")
                ? WriteFile((HANDLE) (uintptr_t) ARG(1), (void *) (uintptr_t) ARG(2), (DWORD) ARG(3), &done, NULL)
                : ReadFile((HANDLE) (uintptr_t) ARG(1), (void *) (uintptr_t) ARG(2), (DWORD) ARG(3), &done, NULL);
        printf(" ret=%d err=%lu n=%lu\n", r ? 1 : 0, GetLastError(), done);
    } else if (!strcmp(f, "SetFilePointerEx")) {
        LARGE_INTEGER dist, pos;
        dist.QuadPart = (LONGLONG) ARG(2);
        pos.QuadPart = 0xDEADBEEF;
        BOOL r = SetFilePointerEx((HANDLE) (uintptr_t) ARG(1), dist, &pos, (DWORD) ARG(3));
        printf(" ret=%d err=%lu pos=%lld\n", r ? 1 : 0, GetLastError(), (long long) pos.QuadPart);
    } else if (!strcmp(f, "SetEndOfFile")) {
        BOOL r = SetEndOfFile((HANDLE) (uintptr_t) ARG(1));
        printf(" ret=%d err=%lu\n", r ? 1 : 0, GetLastError());
    } else if (!strcmp(f, "GetFileSizeEx")) {
        LARGE_INTEGER size;
        size.QuadPart = 0xDEADBEEF;
        BOOL r = GetFileSizeEx((HANDLE) (uintptr_t) ARG(1), &size);
        printf(" ret=%d err=%lu size=%lld\n", r ? 1 : 0, GetLastError(), (long long) size.QuadPart);
    } else if (!strcmp(f, "read") || !strcmp(f, "write")) {
        void *p = (void *) (uintptr_t) ARG(1);
        int width = (int) ARG(2);
        uint64_t v = ARG(3);
        faulted = 0;
        if (!strcmp(f, "read")) {
            v = width == 1 ? load1(p) : width == 2 ? load2(p) : width == 4 ? load4(p) : load8(p);
        } else if (width == 1) {
            store1(p, v);
        } else if (width == 2) {
            store2(p, v);
        } else if (width == 4) {
            store4(p, v);
        } else {
            store8(p, v);
        }
        if (faulted) {
            sym(a, (uintptr_t) faultInfo1);
            printf(" fault=0x%lx access=%llu at=%s\n", faultCode, (unsigned long long) faultInfo0, a);
        } else if (!strcmp(f, "read")) {
            printf(" ret=0x%llx\n", (unsigned long long) v);
        } else {
            printf(" ok\n");
        }
    } else {
        printf(" unknown\n");
    }
    (void) c;
    (void) d;
}

/* Everything a script made goes, so the next one starts clean (its output never shows this). */
static void cleanup(void) {
    for (int i = 1; i < MAX_REGS; i++) {
        if (regs[i].used) {
            if (regs[i].view) {
                UnmapViewOfFile((void *) regs[i].base);
            } else {
                VirtualFree((void *) regs[i].base, 0, MEM_RELEASE);
            }
        }
        if (handleUsed[i]) {
            CloseHandle(handles[i]);
        }
    }
    for (int i = 0; i < fileCount; i++) {
        DeleteFileA(files[i]);
    }
    memset(regs, 0, sizeof regs);
    memset(handleUsed, 0, sizeof handleUsed);
    fileCount = 0;
}

int main(int argc, char **argv) {
    AddVectoredExceptionHandler(1, onFault);
    GetTempPathA(sizeof fileDir, fileDir);
    strcat(fileDir, "pagelab-oracle\\");
    CreateDirectoryA(fileDir, NULL);
    _setmode(_fileno(stdout), _O_BINARY); /* "\n", not "\r\n": the recordings are plain text files */
    setvbuf(stdout, NULL, _IONBF, 0); /* unbuffered: a crash loses no line before it */
    int first = 1;
    const char *after = NULL;
    if (argc > 3 && strcmp(argv[1], "--after") == 0) {
        after = argv[2];
        first = 3;
    }
    for (int s = first; s < argc; s++) {
        FILE *in = fopen(argv[s], "r");
        if (!in) {
            fprintf(stderr, "oracle: cannot open %s\n", argv[s]);
            return 2;
        }
        char line[MAX_LINE];
        char *tok[16];
        int lineNo = 0;
        int open = 0;
        while (fgets(line, sizeof line, in)) {
            if (strncmp(line, "=== ", 4) == 0) {
                if (open) {
                    cleanup();
                    open = 0;
                }
                line[strcspn(line, "\r\n")] = 0;
                if (after) {
                    if (strcmp(line + 4, after) == 0) {
                        after = NULL;
                    }
                    continue;
                }
                printf("%s\n", line);
                lineNo = 0;
                open = 1;
                continue;
            }
            lineNo++;
            int n = tokenize(line, tok, 16);
            if (n > 0 && open) {
                run(lineNo, tok, n);
            }
        }
        fclose(in);
        if (open) {
            cleanup();
        }
    }
    fflush(stdout);
    return 0;
}

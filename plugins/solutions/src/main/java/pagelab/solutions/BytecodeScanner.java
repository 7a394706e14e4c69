package pagelab.solutions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads one compiled class and lists everything it refers to, with the source line: its supertypes, the types of
 * its fields and methods, and every type, method, field, constant and bootstrap method its code uses. Judging
 * them is {@link SolutionPolicy}'s job; this class only reads.
 */
final class BytecodeScanner {
    /** How a class refers to something. */
    enum Kind {
        /** A class named as such: a supertype, {@code new}, a cast, a class literal, a caught exception. */
        TYPE,
        /** A JVM descriptor whose types must all be nameable. */
        DESCRIPTOR,
        /** A method or constructor called, or referred to by a method handle. */
        METHOD,
        /** A field read or written. */
        FIELD,
        /** The bootstrap method of an {@code invokedynamic}. */
        BOOTSTRAP,
        /** Something a solution's own class may never be or do (a native method, a finalizer, a reserved package). */
        FORBIDDEN
    }

    /**
     * One reference.
     *
     * @param owner internal name of the class (TYPE, METHOD, FIELD, BOOTSTRAP); for FORBIDDEN, what was found
     * @param name  the member's name (METHOD, FIELD, BOOTSTRAP); for FORBIDDEN, the reason
     * @param desc  the member's descriptor, or the descriptor itself for DESCRIPTOR
     */
    record Reference(Kind kind, String owner, String name, String desc, int line) {
    }

    /** What the class declares: enough to find where an inherited member lives. */
    record Shape(String name, String superName, List<String> interfaces, Set<String> methods, Set<String> fields,
                 String sourceFile) {
    }

    /** The result of reading one class. */
    record Scan(Shape shape, List<Reference> references) {
    }

    private BytecodeScanner() {
    }

    /**
     * Reads {@code classFile}.
     *
     * @throws IllegalArgumentException if the bytes are not a class file ASM can read
     */
    static Scan scan(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        Collector c = new Collector();
        reader.accept(c, ClassReader.SKIP_FRAMES);
        Shape shape = new Shape(c.name, c.superName, c.interfaces, c.methods, c.fields,
                c.sourceFile != null ? c.sourceFile : c.name.replace('/', '.'));
        return new Scan(shape, c.refs);
    }

    private static final class Collector extends ClassVisitor {
        final List<Reference> refs = new ArrayList<>();
        final Set<String> methods = new HashSet<>();
        final Set<String> fields = new HashSet<>();
        List<String> interfaces = List.of();
        String name;
        String superName;
        String sourceFile;

        Collector() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
            this.name = name;
            this.superName = superName;
            this.interfaces = interfaces == null ? List.of() : List.of(interfaces);
            if (superName != null) {
                refs.add(new Reference(Kind.TYPE, superName, null, null, 0));
            }
            for (String i : this.interfaces) {
                refs.add(new Reference(Kind.TYPE, i, null, null, 0));
            }
            String pkg = name.lastIndexOf('/') < 0 ? "" : name.substring(0, name.lastIndexOf('/'));
            if (pkg.startsWith("java/") || pkg.startsWith("javax/") || pkg.startsWith("jdk/")
                    || pkg.equals("pagelab") || pkg.startsWith("pagelab/")) {
                refs.add(new Reference(Kind.FORBIDDEN, "package " + pkg.replace('/', '.'), "a solution's classes "
                        + "live in the default package or in a package of their own", null, 0));
            }
        }

        @Override
        public void visitSource(String source, String debug) {
            this.sourceFile = source;
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            fields.add(name);
            refs.add(new Reference(Kind.DESCRIPTOR, null, name, descriptor, 0));
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            methods.add(name + descriptor);
            Code code = new Code(this);
            if ((access & Opcodes.ACC_NATIVE) != 0) {
                code.forbid("native method " + name, "native code is not available to solutions");
            }
            if (name.equals("finalize") && descriptor.equals("()V")) {
                code.forbid("a finalize() method", "finalizers run on the JVM's own thread after the check: "
                        + "release what you hold in a try/finally (or a close method) instead");
            }
            refs.add(new Reference(Kind.DESCRIPTOR, null, name, descriptor, 0));
            return code;
        }
    }

    /** The instructions of one method. Try/catch types come before the code; they get the method's first line. */
    private static final class Code extends MethodVisitor {
        private final Collector owner;
        private final List<Reference> pending = new ArrayList<>();
        private int line;

        Code(Collector owner) {
            super(Opcodes.ASM9);
            this.owner = owner;
        }

        void forbid(String what, String reason) {
            pending.add(new Reference(Kind.FORBIDDEN, what, reason, null, 0));
        }

        private void add(Kind kind, String owner, String name, String desc) {
            (line == 0 ? pending : this.owner.refs).add(new Reference(kind, owner, name, desc, line));
        }

        @Override
        public void visitLineNumber(int line, Label start) {
            if (this.line == 0) {
                for (Reference r : pending) {
                    owner.refs.add(new Reference(r.kind(), r.owner(), r.name(), r.desc(), line));
                }
                pending.clear();
            }
            this.line = line;
        }

        @Override
        public void visitEnd() {
            owner.refs.addAll(pending); // a method without line numbers (an abstract one, say)
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            add(Kind.TYPE, type, null, null);
        }

        @Override
        public void visitFieldInsn(int opcode, String fieldOwner, String name, String descriptor) {
            add(Kind.FIELD, fieldOwner, name, descriptor);
        }

        @Override
        public void visitMethodInsn(int opcode, String methodOwner, String name, String descriptor, boolean itf) {
            add(Kind.METHOD, methodOwner, name, descriptor);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bsm, Object... args) {
            add(Kind.BOOTSTRAP, bsm.getOwner(), bsm.getName(), bsm.getDesc());
            add(Kind.DESCRIPTOR, null, name, descriptor);
            for (Object a : args) {
                constant(a);
            }
        }

        @Override
        public void visitLdcInsn(Object value) {
            constant(value);
        }

        private void constant(Object value) {
            if (value instanceof Type t) {
                if (t.getSort() == Type.METHOD) {
                    add(Kind.DESCRIPTOR, null, "a method type", t.getDescriptor());
                } else {
                    add(Kind.TYPE, t.getInternalName(), null, null);
                }
            } else if (value instanceof Handle h) {
                add(h.getTag() <= Opcodes.H_PUTSTATIC ? Kind.FIELD : Kind.METHOD, h.getOwner(), h.getName(),
                        h.getDesc());
            } else if (value instanceof ConstantDynamic) {
                forbid("a dynamic constant", "javac does not emit one for Java 17 sources; reflection is not "
                        + "available to solutions");
            }
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            add(Kind.DESCRIPTOR, null, "new array", descriptor);
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            if (type != null) {
                add(Kind.TYPE, type, null, null);
            }
        }
    }
}

package pagelab.solutions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.objectweb.asm.Type;
import pagelab.solutions.BytecodeScanner.Kind;
import pagelab.solutions.BytecodeScanner.Reference;
import pagelab.solutions.BytecodeScanner.Scan;
import pagelab.solutions.BytecodeScanner.Shape;
import pagelab.solutions.PolicyRules.Verdict;

/**
 * What a student's solution may use, judged on its compiled classes before any of it runs: the allow-list of
 * {@code solution-rules.txt} (the language, collections, in-memory I/O, the kernel's Win32 API), the exercise's
 * student-facing types ({@link StudentApi}), and the solution's own classes. Everything else (reflection, class
 * loading, files, processes, the network, native code, the checker, the simulator's internals) is refused with a
 * message naming the call and the line, as a compile error would.
 *
 * <p>The host checks every solution after compiling it, and the grading child checks each class again as it
 * defines it, so no class it has not judged can run. Thread-safe and immutable.
 *
 * @since 0.2
 */
public final class SolutionPolicy {
    /**
     * The bootstrap methods javac emits for lambdas, string concatenation and records: allowed as bootstrap methods
     * of {@code invokedynamic}, and only there.
     */
    static final Set<String> BOOTSTRAPS = Set.of(
            "java/lang/invoke/LambdaMetafactory.metafactory",
            "java/lang/invoke/LambdaMetafactory.altMetafactory",
            "java/lang/invoke/StringConcatFactory.makeConcatWithConstants",
            "java/lang/invoke/StringConcatFactory.makeConcat",
            "java/lang/runtime/ObjectMethods.bootstrap");

    /** More than this many violations are summed up in one last line. */
    static final int MAX_VIOLATIONS = 30;

    private static final SolutionPolicy STANDARD = new SolutionPolicy(PolicyRules.standard());

    private final PolicyRules rules;

    SolutionPolicy(PolicyRules rules) {
        this.rules = rules;
    }

    PolicyRules rules() {
        return rules;
    }

    /** The policy every solution is held to. */
    public static SolutionPolicy standard() {
        return STANDARD;
    }

    /**
     * Judges the classes of one solution and, when the policy allows them, returns them as a
     * {@link JudgedSolution} a {@link StudentClassLoader} can be made from.
     *
     * @throws RejectedSolutionException listing the violations, when the policy refuses the solution
     */
    public JudgedSolution judge(Map<String, byte[]> classFiles, StudentApi api) {
        List<PolicyViolation> violations = check(classFiles, api);
        if (!violations.isEmpty()) {
            throw new RejectedSolutionException(violations);
        }
        return new JudgedSolution(classFiles, api, rules);
    }

    /**
     * Judges the classes of one solution.
     *
     * @param classFiles the solution's class files by binary name ({@code Solution}, {@code Solution$Cell})
     * @param api        what of the exercise the solution may use
     * @return the violations in source order, at most {@link #MAX_VIOLATIONS} plus a summary; empty when the
     *         solution may run
     */
    public List<PolicyViolation> check(Map<String, byte[]> classFiles, StudentApi api) {
        Map<String, Scan> scans = new HashMap<>();
        List<PolicyViolation> unreadable = new ArrayList<>();
        classFiles.forEach((name, bytes) -> {
            try {
                Scan s = BytecodeScanner.scan(bytes);
                scans.put(s.shape().name(), s);
            } catch (RuntimeException e) {
                unreadable.add(new PolicyViolation(name, 0, "the class file of " + name,
                        "it is not a class file the JVM would load (" + e.getClass().getSimpleName() + ")"));
            }
        });
        Map<String, Shape> own = new HashMap<>();
        scans.forEach((n, s) -> own.put(n, s.shape()));
        Judge judge = new Judge(rules, api, own);
        Set<PolicyViolation> found = new LinkedHashSet<>(unreadable);
        for (Scan s : scans.values()) {
            for (Reference r : s.references()) {
                Verdict v = judge.judge(r);
                if (!v.allowed()) {
                    found.add(new PolicyViolation(s.shape().sourceFile(), r.line(), judge.describe(r), v.reason()));
                }
            }
        }
        return summarised(found);
    }

    private static List<PolicyViolation> summarised(Set<PolicyViolation> found) {
        List<PolicyViolation> sorted = found.stream()
                .sorted(Comparator.comparing(PolicyViolation::sourceFile).thenComparingInt(PolicyViolation::line)
                        .thenComparing(PolicyViolation::what))
                .collect(Collectors.toCollection(ArrayList::new));
        if (sorted.size() <= MAX_VIOLATIONS) {
            return List.copyOf(sorted);
        }
        List<PolicyViolation> out = new ArrayList<>(sorted.subList(0, MAX_VIOLATIONS));
        PolicyViolation last = sorted.get(sorted.size() - 1);
        out.add(new PolicyViolation(last.sourceFile(), 0, (sorted.size() - MAX_VIOLATIONS) + " more uses",
                "the same rules apply"));
        return List.copyOf(out);
    }

    /** Judges the references of one solution against the rules, the exercise's interface and its own classes. */
    private static final class Judge {
        private final PolicyRules rules;
        private final StudentApi api;
        private final Map<String, Shape> own;
        private final Declarations declarations;

        Judge(PolicyRules rules, StudentApi api, Map<String, Shape> own) {
            this.rules = rules;
            this.api = api;
            this.own = own;
            this.declarations = new Declarations(own, api.loader());
        }

        Verdict judge(Reference r) {
            return switch (r.kind()) {
                case FORBIDDEN -> new Verdict(false, r.name());
                case TYPE -> type(r.owner());
                case DESCRIPTOR -> descriptor(r.desc());
                case BOOTSTRAP -> BOOTSTRAPS.contains(r.owner() + "." + r.name()) ? Verdict.ALLOWED
                        : new Verdict(false, "invokedynamic may only link lambdas, string concatenation and records");
                case METHOD, FIELD -> member(r);
            };
        }

        /** May the code name this class (an internal name, or an array descriptor)? */
        Verdict type(String internalName) {
            String name = internalName;
            if (name.startsWith("[")) {
                Type element = Type.getType(name).getElementType();
                if (element.getSort() != Type.OBJECT) {
                    return Verdict.ALLOWED;
                }
                name = element.getInternalName();
            }
            if (own.containsKey(name)) {
                return Verdict.ALLOWED;
            }
            String binary = name.replace('/', '.');
            if (api.contains(binary)) {
                return Verdict.ALLOWED;
            }
            if (api.isExerciseClass(binary)) {
                return new Verdict(false, "it belongs to the exercise's checker; a solution may use the exercise's "
                        + "interface only (" + api.types().stream().map(SolutionPolicy::simpleName)
                        .collect(Collectors.joining(", ")) + ")");
            }
            return rules.forClass(binary);
        }

        Verdict descriptor(String desc) {
            Type t = Type.getType(desc);
            List<Type> types = new ArrayList<>();
            if (t.getSort() == Type.METHOD) {
                types.add(t.getReturnType());
                types.addAll(List.of(t.getArgumentTypes()));
            } else {
                types.add(t);
            }
            for (Type each : types) {
                Type e = each.getSort() == Type.ARRAY ? each.getElementType() : each;
                if (e.getSort() == Type.OBJECT) {
                    Verdict v = type(e.getInternalName());
                    if (!v.allowed()) {
                        return v;
                    }
                }
            }
            return Verdict.ALLOWED;
        }

        Verdict member(Reference r) {
            String owner = r.owner().startsWith("[") ? "java/lang/Object" : r.owner();
            Verdict named = type(owner);
            if (!named.allowed()) {
                return named;
            }
            Verdict declared = declared(owner, r);
            if (!declared.allowed()) {
                return declared;
            }
            Verdict types = descriptor(r.desc());
            return types.allowed() ? types
                    : new Verdict(false, "it takes or gives " + firstRefusedType(r.desc()) + ": " + types.reason());
        }

        /** The rules for the member where it is declared (the solution's own and the exercise's are allowed). */
        private Verdict declared(String owner, Reference r) {
            String declaring = declarations.declaringClass(owner, r.name(), r.desc(), r.kind() == Kind.FIELD);
            String binary = declaring.replace('/', '.');
            if (own.containsKey(declaring) || api.contains(binary)) {
                return Verdict.ALLOWED;
            }
            return api.isExerciseClass(binary) ? type(declaring) : rules.forMember(binary, r.name(), r.desc());
        }

        /** The reference in Java terms, as the student wrote it. */
        String describe(Reference r) {
            return switch (r.kind()) {
                case FORBIDDEN -> r.owner();
                case TYPE -> Type.getObjectType(r.owner()).getClassName();
                case DESCRIPTOR -> firstRefusedType(r.desc());
                case BOOTSTRAP -> "invokedynamic via " + simpleName(r.owner()) + "." + r.name();
                case FIELD -> simpleName(r.owner()) + "." + r.name();
                case METHOD -> r.name().equals("<init>")
                        ? "new " + simpleName(r.owner()) + parameters(r.desc())
                        : simpleName(r.owner()) + "." + r.name() + parameters(r.desc());
            };
        }

        private String firstRefusedType(String desc) {
            Type t = Type.getType(desc);
            List<Type> types = new ArrayList<>(t.getSort() == Type.METHOD ? List.of(t.getArgumentTypes()) : List.of());
            types.add(t.getSort() == Type.METHOD ? t.getReturnType() : t);
            for (Type each : types) {
                Type e = each.getSort() == Type.ARRAY ? each.getElementType() : each;
                if (e.getSort() == Type.OBJECT && !type(e.getInternalName()).allowed()) {
                    return e.getClassName();
                }
            }
            return desc;
        }
    }

    private static String parameters(String desc) {
        return "(" + List.of(Type.getArgumentTypes(desc)).stream().map(t -> simpleName(t.getClassName()))
                .collect(Collectors.joining(", ")) + ")";
    }

    /** {@code java/lang/System} or {@code java.util.Map$Entry} as {@code System} or {@code Map.Entry}. */
    static String simpleName(String name) {
        String n = name.replace('/', '.');
        return n.substring(n.lastIndexOf('.') + 1).replace('$', '.');
    }
}

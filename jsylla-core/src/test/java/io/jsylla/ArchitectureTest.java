package io.jsylla;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The architecture of jsylla-core, as tests: the layers of {@code io.jsylla.internal} (see
 * {@code docs/internals.md}), no import cycles, and a public API that neither leaks nor leans on
 * the implementation. Each failure lists its violations once per (source class -> target class),
 * classes named by their top-level class without the {@code io.jsylla.} prefix.
 */
class ArchitectureTest {

    private static final String ROOT = "io.jsylla";
    private static final String INTERNAL = "io.jsylla.internal";
    private static final List<String> PUBLIC_PACKAGES = List.of("io.jsylla", "io.jsylla.policies");

    /**
     * The internal layers, bottom to top: a layer may depend only on the layers below it. The
     * order of docs/internals.md's table, which is a partial order (routing is pure; cluster uses
     * routing; request uses connection, pool and cluster; result uses codec; session uses all),
     * made total: the services the public values need (values, which the codecs implement) and
     * pure codecs first, then routing (pure), then the I/O stack, then results, the execution core
     * and the session.
     */
    static final List<String> LAYERS = List.of(
            "values", "protocol", "codec", "routing", "connection", "pool", "cluster", "result", "request", "session");

    /**
     * The public types allowed to reach into the implementation's stateful layers: the ones that
     * must create it or wait on it. Only {@code SessionBuilder} builds a {@code DefaultSession};
     * {@code Session}'s blocking forms wait through {@code Blocking}, which knows the I/O threads
     * they must not block; {@code Jsylla} (version and builder factory) needs nothing internal.
     */
    static final Set<String> ENTRY_POINTS = Set.of("io.jsylla.SessionBuilder", "io.jsylla.Session");

    /** The internal layers a thin public type must not depend on: all but the pure codecs and routing. */
    static final List<String> STATEFUL_LAYERS = List.of("session", "request", "cluster", "pool", "connection");

    static final JavaClasses CORE = importCore();

    /** jsylla-core's main classes only: not its tests, not the test kit (also in {@code io.jsylla}). */
    private static JavaClasses importCore() {
        String core = CoreLocations.mainClasses().toString();
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> location.asURI().toString().contains(core))
                .importPackages(ROOT);
    }

    @Test
    void importsExactlyTheMainClassesOfJsyllaCore() {
        assertTrue(CORE.contain(Jsylla.class), "Jsylla imported");
        assertTrue(CORE.contain("io.jsylla.internal.session.DefaultSession"), "DefaultSession imported");
        List<String> strays = CORE.stream().map(JavaClass::getName)
                .filter(n -> n.startsWith("io.jsylla.testkit") || n.endsWith("Test") || n.endsWith("IT")
                        || n.equals(ArchitectureTest.class.getName()))
                .sorted().toList();
        assertEquals(List.of(), strays, "test or test-kit classes imported");
    }

    // ---------------------------------------------------------------------------------------------
    // a. No package cycles among io.jsylla.internal.*

    @Test
    void internalPackagesAreFreeOfCycles() {
        ArchRule rule = slices().matching("io.jsylla.internal.(*)..").should().beFreeOfCycles();
        EvaluationResult result = rule.evaluate(CORE);

        Map<String, Set<String>> slices = new TreeMap<>();
        Map<String, Set<String>> edges = new TreeMap<>();
        for (Dependency d : coreDependencies()) {
            String from = internalSlice(d.getOriginClass());
            String to = internalSlice(d.getTargetClass());
            if (from != null && to != null && !from.equals(to)) {
                slices.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                edges.computeIfAbsent(from + " -> " + to, k -> new TreeSet<>())
                        .add(name(d.getOriginClass()) + " -> " + name(d.getTargetClass()));
            }
        }
        StringBuilder report = new StringBuilder();
        for (Set<String> scc : stronglyConnected(slices)) {
            if (scc.size() < 2) {
                continue;
            }
            report.append("cycle among internal.{").append(String.join(", ", scc)).append("}:\n");
            edges.forEach((pair, classes) -> {
                String[] ends = pair.split(" -> ");
                if (scc.contains(ends[0]) && scc.contains(ends[1])) {
                    boolean upward = LAYERS.indexOf(ends[0]) < LAYERS.indexOf(ends[1]);
                    report.append("  ").append(pair).append(upward ? " (upward)" : " (downward)").append(":\n");
                    classes.forEach(c -> report.append("    ").append(c).append('\n'));
                }
            });
        }
        assertNoViolation(result, report.toString());
    }

    // ---------------------------------------------------------------------------------------------
    // b. The internal layers call only downward

    @Test
    void internalLayersDependOnlyDownward() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String layer : LAYERS) {
            layers = layers.layer(layer).definedBy(INTERNAL + "." + layer + "..");
        }
        for (int i = 0; i < LAYERS.size(); i++) {
            List<String> above = LAYERS.subList(i + 1, LAYERS.size());
            layers = above.isEmpty()
                    ? layers.whereLayer(LAYERS.get(i)).mayNotBeAccessedByAnyLayer()
                    : layers.whereLayer(LAYERS.get(i)).mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
        }
        EvaluationResult result = layers.evaluate(CORE);

        Set<String> lines = new TreeSet<>();
        for (Dependency d : violatingDependencies(result)) {
            String from = internalSlice(d.getOriginClass());
            String to = internalSlice(d.getTargetClass());
            lines.add(name(d.getOriginClass()) + " -> " + name(d.getTargetClass())
                    + " (upward: " + from + " -> " + to + ")");
        }
        assertNoViolation(result, String.join("\n", lines));
    }

    /** Not a rule: the internal package dependencies as they are, for comparison with docs/internals.md. */
    @Test
    void printInternalPackageDependencies() {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Dependency d : coreDependencies()) {
            String from = internalSlice(d.getOriginClass());
            String to = internalSlice(d.getTargetClass());
            if (from != null && to != null && !from.equals(to)) {
                uses.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
            } else if (from != null && to == null && isPublicApi(d.getTargetClass())) {
                uses.computeIfAbsent(from, k -> new TreeSet<>()).add("(public API)");
            }
        }
        System.out.println("internal package dependencies (observed):");
        uses.forEach((from, to) -> System.out.println("  " + from + " -> " + String.join(", ", to)));
    }

    // ---------------------------------------------------------------------------------------------
    // c. No dependency cycle across the public/internal boundary, and none anywhere between packages

    @Test
    void thinPublicTypesDoNotDependOnStatefulInternals() {
        DescribedPredicate<JavaClass> entryPoint = DescribedPredicate.describe(
                "entry points " + ENTRY_POINTS, c -> ENTRY_POINTS.contains(topLevel(c).getName()));
        ArchRule rule = noClasses()
                .that().resideInAnyPackage(PUBLIC_PACKAGES.toArray(String[]::new))
                .and(DescribedPredicate.not(entryPoint))
                .should().dependOnClassesThat().resideInAnyPackage(
                        STATEFUL_LAYERS.stream().map(l -> INTERNAL + "." + l + "..").toArray(String[]::new));
        EvaluationResult result = rule.evaluate(CORE);
        Set<String> lines = new TreeSet<>();
        for (Dependency d : violatingDependencies(result)) {
            lines.add(name(d.getOriginClass()) + " -> " + name(d.getTargetClass()));
        }
        assertNoViolation(result, String.join("\n", lines));
    }

    /**
     * No import cycle anywhere in jsylla-core: the strongly connected components of the class
     * dependency graph (nested classes counted with their top-level class) must each lie in one
     * package. Cycles inside a package are allowed. The builder's creation of the session
     * implementation is the one edge left out: an entry point has to name what it builds, and the
     * implementation names the interface it implements.
     */
    @Test
    void noClassDependencyCycleSpansPackages() {
        Map<String, Set<String>> graph = new TreeMap<>();
        for (JavaClass c : CORE) {
            graph.computeIfAbsent(name(c), k -> new TreeSet<>());
        }
        for (Dependency d : coreDependencies()) {
            String from = name(d.getOriginClass());
            String to = name(d.getTargetClass());
            boolean builds = ENTRY_POINTS.contains(topLevel(d.getOriginClass()).getName())
                    && packageOf(to).equals("internal.session");
            if (!from.equals(to) && !builds) {
                graph.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
            }
        }
        StringBuilder report = new StringBuilder();
        int n = 0;
        for (Set<String> scc : stronglyConnected(graph)) {
            Map<String, List<String>> byPackage = scc.stream()
                    .collect(Collectors.groupingBy(ArchitectureTest::packageOf, TreeMap::new, Collectors.toList()));
            if (byPackage.size() < 2) {
                continue;
            }
            boolean crossesBoundary = byPackage.keySet().stream().anyMatch(p -> p.startsWith("internal"))
                    && byPackage.keySet().stream().anyMatch(p -> !p.startsWith("internal"));
            report.append("SCC ").append(++n).append(" (").append(scc.size()).append(" classes in ")
                    .append(byPackage.size()).append(" packages")
                    .append(crossesBoundary ? ", crosses the public/internal boundary" : "").append("):\n");
            byPackage.forEach((p, cs) -> report.append("  ").append(p.isEmpty() ? "io.jsylla" : p).append(": ")
                    .append(cs.stream().map(ArchitectureTest::simpleOf).sorted().collect(Collectors.joining(", ")))
                    .append('\n'));
            report.append("  edges between packages inside it:\n");
            for (String from : scc) {
                for (String to : graph.get(from)) {
                    if (scc.contains(to) && !packageOf(from).equals(packageOf(to))) {
                        report.append("    ").append(from).append(" -> ").append(to).append('\n');
                    }
                }
            }
        }
        if (n > 0) {
            fail(n + " class dependency cycle(s) spanning packages:\n" + report);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // d. No internal type in a public signature

    @Test
    void publicSignaturesMentionNoInternalType() {
        Set<String> lines = new TreeSet<>();
        for (Class<?> type : publicApiTypes()) {
            String owner = type.getName().substring(ROOT.length() + 1);
            Map<String, List<Type>> mentions = new TreeMap<>();
            mentions.put("type parameters", boundsOf(type.getTypeParameters()));
            List<Type> supertypes = new ArrayList<>(List.of(type.getGenericInterfaces()));
            if (type.getGenericSuperclass() != null) {
                supertypes.add(type.getGenericSuperclass());
            }
            mentions.put("supertypes", supertypes);
            if (type.isSealed()) {
                mentions.put("permits", List.of(type.getPermittedSubclasses()));
            }
            for (Field f : type.getDeclaredFields()) {
                if (isApiMember(f.getModifiers()) && !f.isSynthetic()) {
                    mentions.put("field " + f.getName(), List.of(f.getGenericType()));
                }
            }
            for (Executable e : executables(type)) {
                List<Type> types = new ArrayList<>(List.of(e.getGenericParameterTypes()));
                types.addAll(List.of(e.getGenericExceptionTypes()));
                types.addAll(boundsOf(e.getTypeParameters()));
                if (e instanceof Method m) {
                    types.add(m.getGenericReturnType());
                }
                String what = (e instanceof Constructor ? "constructor" : "method " + e.getName())
                        + Stream.of(e.getParameterTypes()).map(Class::getSimpleName)
                                .collect(Collectors.joining(",", "(", ")"));
                mentions.merge(what, types, (a, b) -> Stream.concat(a.stream(), b.stream()).toList());
            }
            mentions.forEach((where, types) -> {
                Set<Class<?>> raw = new HashSet<>();
                types.forEach(t -> rawTypes(t, raw, new HashSet<>()));
                raw.stream().filter(c -> c.getName().startsWith(INTERNAL + "."))
                        .map(c -> owner + " -> " + c.getName().substring(ROOT.length() + 1) + "  [" + where + "]")
                        .forEach(lines::add);
            });
        }
        if (!lines.isEmpty()) {
            fail(lines.size() + " internal type(s) in public signatures:\n" + String.join("\n", lines));
        }
    }

    /**
     * A public type's public constructor documented as "for the driver" is implementation surface
     * in the public API: the driver should build it through a non-public path.
     */
    @Test
    void noPublicConstructorIsDocumentedForTheDriver() throws IOException {
        Pattern ctor = Pattern.compile("/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*"
                + "public\\s+([A-Z]\\w*)\\s*\\(", Pattern.DOTALL);
        Path sources = CoreLocations.moduleDir().resolve("src/main/java");
        Set<String> lines = new TreeSet<>();
        for (String pkg : PUBLIC_PACKAGES) {
            Path dir = sources.resolve(pkg.replace('.', '/'));
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    Matcher m = ctor.matcher(text);
                    while (m.find()) {
                        String doc = m.group(1).replaceAll("\\s*\\*\\s*", " ").toLowerCase(java.util.Locale.ROOT);
                        if (doc.contains("for the driver")) {
                            int line = 1 + (int) text.substring(0, m.start(2)).chars().filter(c -> c == '\n').count();
                            lines.add(pkg.substring(ROOT.length()).replaceFirst("^\\.", "") + (pkg.equals(ROOT) ? "" : ".")
                                    + m.group(2) + " (" + sources.relativize(file) + ":" + line + ")");
                        }
                    }
                }
            }
        }
        if (!lines.isEmpty()) {
            fail("public constructors documented \"for the driver\":\n" + String.join("\n", lines));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // e. The module exports no internal package

    @Test
    void moduleExportsAndOpensNoInternalPackage() throws IOException {
        ModuleDescriptor module = moduleDescriptor();
        assertEquals("io.jsylla", module.name());
        assertFalse(module.isOpen(), "module io.jsylla is an open module");
        List<String> leaks = new ArrayList<>();
        module.exports().stream().filter(e -> e.source().startsWith(INTERNAL))
                .forEach(e -> leaks.add("exports " + e));
        module.opens().stream().filter(o -> o.source().startsWith(INTERNAL))
                .forEach(o -> leaks.add("opens " + o));
        assertEquals(List.of(), leaks.stream().sorted().toList(), "module-info exposes internal packages");
        Set<String> exported = module.exports().stream().filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(exported.containsAll(PUBLIC_PACKAGES), "exports " + exported);
    }

    /** The descriptor compiled from module-info.java, read from jsylla-core's main classes. */
    static ModuleDescriptor moduleDescriptor() throws IOException {
        URI classes = CoreLocations.mainClasses();
        Path location = Paths.get(classes);
        if (Files.isDirectory(location)) {
            try (InputStream in = Files.newInputStream(location.resolve("module-info.class"))) {
                return ModuleDescriptor.read(in);
            }
        }
        try (ZipFile jar = new ZipFile(location.toFile());
             InputStream in = jar.getInputStream(jar.getEntry("module-info.class"))) {
            return ModuleDescriptor.read(in);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // helpers

    /** Every dependency between two classes of jsylla-core (array targets as their component type). */
    static List<Dependency> coreDependencies() {
        List<Dependency> deps = new ArrayList<>();
        for (JavaClass c : CORE) {
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass().isArray()
                        ? d.getTargetClass().getBaseComponentType() : d.getTargetClass();
                if (CORE.contain(target.getName())) {
                    deps.add(d);
                }
            }
        }
        return deps;
    }

    private static Collection<Dependency> violatingDependencies(EvaluationResult result) {
        List<Dependency> deps = new ArrayList<>();
        result.handleViolations((Collection<Dependency> violating, String message) -> deps.addAll(violating));
        return deps;
    }

    private static void assertNoViolation(EvaluationResult result, String summary) {
        if (result.hasViolation()) {
            List<String> details = result.getFailureReport().getDetails();
            fail(summary + "\n\n" + details.size() + " violation(s) in ArchUnit's words"
                    + (details.size() > 50 ? " (first 50)" : "") + ":\n"
                    + details.stream().limit(50).collect(Collectors.joining("\n")));
        }
    }

    /** The top-level class of a class, nested, local and anonymous classes included. */
    static JavaClass topLevel(JavaClass c) {
        JavaClass top = c.isArray() ? c.getBaseComponentType() : c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }

    /** A class as reported: its top-level class, without the {@code io.jsylla.} prefix. */
    static String name(JavaClass c) {
        String n = topLevel(c).getName();
        return n.startsWith(ROOT + ".") ? n.substring(ROOT.length() + 1) : n;
    }

    private static String packageOf(String reportedName) {
        int dot = reportedName.lastIndexOf('.');
        return dot < 0 ? "" : reportedName.substring(0, dot);
    }

    private static String simpleOf(String reportedName) {
        return reportedName.substring(reportedName.lastIndexOf('.') + 1);
    }

    /** The layer ({@code internal.X..}) of a class, or null outside io.jsylla.internal.*. */
    static String internalSlice(JavaClass c) {
        String p = (c.isArray() ? c.getBaseComponentType() : c).getPackageName();
        if (!p.startsWith(INTERNAL + ".")) {
            return null;
        }
        String rest = p.substring(INTERNAL.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static boolean isPublicApi(JavaClass c) {
        return PUBLIC_PACKAGES.contains((c.isArray() ? c.getBaseComponentType() : c).getPackageName());
    }

    /** The types of the public packages an application can see: public, and enclosed only in such types. */
    static List<Class<?>> publicApiTypes() {
        assertTrue(CORE.contain(Jsylla.class), "jsylla-core imported");
        return CORE.stream()
                .filter(c -> PUBLIC_PACKAGES.contains(c.getPackageName()))
                .map(JavaClass::reflect)
                .filter(ArchitectureTest::isApiVisible)
                .sorted(java.util.Comparator.comparing(Class::getName))
                .toList();
    }

    static boolean isApiVisible(Class<?> c) {
        if (c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic()) {
            return false;
        }
        Class<?> enclosing = c.getDeclaringClass();
        if (enclosing == null) {
            return Modifier.isPublic(c.getModifiers());
        }
        return isApiMember(c.getModifiers()) && isApiVisible(enclosing)
                && (Modifier.isPublic(c.getModifiers()) || !Modifier.isFinal(enclosing.getModifiers()));
    }

    static boolean isApiMember(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    /** The public and protected constructors and methods a type declares (no bridges, nothing synthetic). */
    static List<Executable> executables(Class<?> type) {
        List<Executable> all = new ArrayList<>();
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (isApiMember(c.getModifiers()) && !c.isSynthetic()) {
                all.add(c);
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (isApiMember(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                all.add(m);
            }
        }
        return all;
    }

    private static List<Type> boundsOf(TypeVariable<?>[] variables) {
        List<Type> bounds = new ArrayList<>();
        for (TypeVariable<?> v : variables) {
            bounds.addAll(List.of(v.getBounds()));
        }
        return bounds;
    }

    /** Every class a generic type mentions: raw types, type arguments, bounds, array components. */
    static void rawTypes(Type type, Set<Class<?>> out, Set<TypeVariable<?>> seen) {
        if (type instanceof Class<?> c) {
            while (c.isArray()) {
                c = c.getComponentType();
            }
            out.add(c);
        } else if (type instanceof ParameterizedType p) {
            rawTypes(p.getRawType(), out, seen);
            if (p.getOwnerType() != null) {
                rawTypes(p.getOwnerType(), out, seen);
            }
            for (Type a : p.getActualTypeArguments()) {
                rawTypes(a, out, seen);
            }
        } else if (type instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                rawTypes(b, out, seen);
            }
            for (Type b : w.getLowerBounds()) {
                rawTypes(b, out, seen);
            }
        } else if (type instanceof TypeVariable<?> v) {
            if (seen.add(v)) {
                for (Type b : v.getBounds()) {
                    rawTypes(b, out, seen);
                }
            }
        } else if (type instanceof GenericArrayType g) {
            rawTypes(g.getGenericComponentType(), out, seen);
        }
    }

    /**
     * Tarjan's strongly connected components, iteratively (the class graph is deep enough to
     * make recursion a risk), in a deterministic order: nodes and successors visited sorted.
     */
    static List<Set<String>> stronglyConnected(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<Set<String>> components = new ArrayList<>();
        int[] counter = {0};
        for (String root : new TreeSet<>(graph.keySet())) {
            if (index.containsKey(root)) {
                continue;
            }
            Deque<Map.Entry<String, java.util.Iterator<String>>> work = new ArrayDeque<>();
            index.put(root, counter[0]);
            low.put(root, counter[0]++);
            stack.push(root);
            onStack.add(root);
            work.push(Map.entry(root, new TreeSet<>(graph.getOrDefault(root, Set.of())).iterator()));
            while (!work.isEmpty()) {
                Map.Entry<String, java.util.Iterator<String>> frame = work.peek();
                String v = frame.getKey();
                if (frame.getValue().hasNext()) {
                    String w = frame.getValue().next();
                    if (!index.containsKey(w)) {
                        index.put(w, counter[0]);
                        low.put(w, counter[0]++);
                        stack.push(w);
                        onStack.add(w);
                        work.push(Map.entry(w, new TreeSet<>(graph.getOrDefault(w, Set.of())).iterator()));
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                } else {
                    work.pop();
                    if (!work.isEmpty()) {
                        String parent = work.peek().getKey();
                        low.put(parent, Math.min(low.get(parent), low.get(v)));
                    }
                    if (low.get(v).equals(index.get(v))) {
                        Set<String> component = new TreeSet<>();
                        String w;
                        do {
                            w = stack.pop();
                            onStack.remove(w);
                            component.add(w);
                        } while (!w.equals(v));
                        components.add(component);
                    }
                }
            }
        }
        components.sort(java.util.Comparator.comparing(s -> s.iterator().next()));
        return components;
    }
}

package io.jsylla;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.tngtech.archunit.core.domain.JavaClass;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/internals.md names the hot path's steps as {@code `Class.method`}: each such reference
 * must still name a class of jsylla-core (any package, nested classes included) that has a
 * method, field, record component or nested class of that name, declared or inherited.
 * {@code `A.B.c`} is member {@code c} of class {@code B} nested in {@code A}; arguments, as in
 * {@code `SessionClusterView.replicas(RequestInfo)`}, are ignored.
 *
 * <p>A first name that is no class of jsylla-core is checked against {@link #EXTERNAL}, the JDK
 * classes the document leans on; any other is stale (a class that was renamed or removed), unless
 * it is a JDK or Netty class, which is skipped and printed.
 */
class InternalsDocTest {

    /** JDK classes internals.md names with a member, to explain blocking and timing. */
    static final Map<String, Class<?>> EXTERNAL = Map.of(
            "CompletableFuture", java.util.concurrent.CompletableFuture.class,
            "System", System.class);

    /** Where a class the document names could come from, if not jsylla-core: skipped, not stale. */
    static final List<String> EXTERNAL_PACKAGES = List.of(
            "java.lang.", "java.util.", "java.util.concurrent.", "java.nio.", "java.net.",
            "io.netty.channel.", "io.netty.buffer.", "io.netty.util.", "io.netty.handler.codec.");

    private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern BARE_NAME = Pattern.compile("[A-Z][A-Za-z0-9_$]*");
    private static final Pattern REFERENCE = Pattern.compile(
            "([A-Z][A-Za-z0-9_$]*)((?:\\.[A-Za-z_$][A-Za-z0-9_$]*)+)(?:\\(.*\\))?");

    @Test
    void everyClassMemberReferenceResolves() throws IOException {
        Path doc = internalsMd();
        List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
        Map<String, List<Class<?>>> bySimpleName = new LinkedHashMap<>();
        for (JavaClass c : ArchitectureTest.CORE) {
            if (!c.isAnonymousClass() && !c.isLocalClass() && !c.getSimpleName().isEmpty()) {
                bySimpleName.computeIfAbsent(c.getSimpleName(), k -> new ArrayList<>()).add(c.reflect());
            }
        }
        assertFalse(bySimpleName.isEmpty(), "no class of jsylla-core imported");

        Set<String> stale = new TreeSet<>();
        Set<String> skipped = new TreeSet<>();
        Set<String> unknownBare = new TreeSet<>();
        int checked = 0;
        for (int n = 0; n < lines.size(); n++) {
            Matcher span = CODE_SPAN.matcher(lines.get(n));
            while (span.find()) {
                Matcher ref = REFERENCE.matcher(span.group(1).trim());
                if (!ref.matches()) {
                    String bare = span.group(1).trim();
                    if (BARE_NAME.matcher(bare).matches() && !bySimpleName.containsKey(bare)) {
                        unknownBare.add("line " + (n + 1) + ": `" + bare + "`");
                    }
                    continue;
                }
                checked++;
                String first = ref.group(1);
                String[] rest = ref.group(2).substring(1).split("\\.");
                String where = "line " + (n + 1) + ": `" + span.group(1) + "`";
                List<Class<?>> candidates = bySimpleName.get(first);
                if (candidates == null && EXTERNAL.containsKey(first)) {
                    candidates = List.of(EXTERNAL.get(first));
                }
                if (candidates == null) {
                    if (isExternalClass(first)) {
                        skipped.add(where + " (" + first + " is not in jsylla-core)");
                    } else {
                        stale.add(where + ": no class " + first + " in jsylla-core");
                    }
                    continue;
                }
                String problem = null;
                for (Class<?> c : candidates) {
                    problem = resolve(c, rest);
                    if (problem == null) {
                        break;
                    }
                }
                if (problem != null) {
                    stale.add(where + ": " + problem
                            + (candidates.size() > 1 ? " (and in the other " + first + " classes)" : ""));
                }
            }
        }
        System.out.println("docs/internals.md: " + checked + " Class.member references checked");
        skipped.forEach(s -> System.out.println("  skipped, not jsylla-core: " + s));
        // Not checked, for information: bare class names the document mentions that jsylla-core's
        // main classes do not have (JDK classes, test classes, the test kit's, or stale ones).
        unknownBare.forEach(s -> System.out.println("  bare name, no main class of jsylla-core: " + s));
        if (!stale.isEmpty()) {
            fail(stale.size() + " stale reference(s) in " + doc + ":\n" + String.join("\n", stale));
        }
    }

    /** Walks {@code rest} from {@code c}: nested classes, then a member; null if it resolves, else what is missing. */
    private static String resolve(Class<?> c, String[] rest) {
        Class<?> current = c;
        for (int i = 0; i < rest.length - 1; i++) {
            Class<?> nested = nestedClass(current, rest[i]);
            if (nested == null) {
                return ApiListingTest.typeName(current) + " has no nested class " + rest[i];
            }
            current = nested;
        }
        String member = rest[rest.length - 1];
        return hasMember(current, member) ? null
                : ApiListingTest.typeName(current) + " has no method, field or nested class " + member;
    }

    private static Class<?> nestedClass(Class<?> c, String name) {
        for (Class<?> t : hierarchy(c)) {
            for (Class<?> nested : t.getDeclaredClasses()) {
                if (nested.getSimpleName().equals(name)) {
                    return nested;
                }
            }
        }
        return null;
    }

    private static boolean hasMember(Class<?> c, String name) {
        for (Class<?> t : hierarchy(c)) {
            if (Stream.of(t.getDeclaredMethods()).anyMatch(m -> m.getName().equals(name))
                    || Stream.of(t.getDeclaredFields()).anyMatch(f -> f.getName().equals(name))
                    || Stream.of(t.getDeclaredClasses()).anyMatch(n -> n.getSimpleName().equals(name))) {
                return true;
            }
            RecordComponent[] components = t.getRecordComponents();
            if (components != null && Stream.of(components).anyMatch(r -> r.getName().equals(name))) {
                return true;
            }
        }
        return false;
    }

    /** A class, its superclasses and all the interfaces they implement. */
    private static List<Class<?>> hierarchy(Class<?> c) {
        List<Class<?>> all = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        List<Class<?>> todo = new ArrayList<>(List.of(c));
        while (!todo.isEmpty()) {
            Class<?> t = todo.remove(0);
            if (t == null || !seen.add(t)) {
                continue;
            }
            all.add(t);
            todo.add(t.getSuperclass());
            todo.addAll(List.of(t.getInterfaces()));
        }
        return all;
    }

    private static boolean isExternalClass(String simpleName) {
        for (String pkg : EXTERNAL_PACKAGES) {
            try {
                Class.forName(pkg + simpleName, false, InternalsDocTest.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                // not there
            }
        }
        return false;
    }

    /** docs/internals.md: in the repository root, the parent of the jsylla-core module directory. */
    static Path internalsMd() {
        for (Path p = CoreLocations.moduleDir(); p != null; p = p.getParent()) {
            Path doc = p.resolve("docs/internals.md");
            if (Files.isRegularFile(doc)) {
                return doc;
            }
        }
        throw new IllegalStateException("docs/internals.md not found above " + CoreLocations.moduleDir());
    }
}

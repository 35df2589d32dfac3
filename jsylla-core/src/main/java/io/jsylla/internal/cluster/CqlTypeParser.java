package io.jsylla.internal.cluster;

import io.jsylla.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * CQL type text as {@code system_schema} stores it ({@code map<text, frozen<list<my_udt>>>},
 * {@code vector<float, 3>}, {@code 'org.apache...CustomType'}) to {@link DataType}. User types
 * are resolved by name through the given function.
 */
final class CqlTypeParser {
    private final String text;
    private final Function<String, DataType> udts;
    private int pos;

    private CqlTypeParser(String text, Function<String, DataType> udts) {
        this.text = text;
        this.udts = udts;
    }

    static DataType parse(String text, Function<String, DataType> udts) {
        CqlTypeParser p = new CqlTypeParser(text, udts);
        DataType t = p.type();
        p.skipSpaces();
        if (p.pos != text.length()) throw p.error("unexpected '" + text.substring(p.pos) + "'");
        return t;
    }

    private DataType type() {
        skipSpaces();
        if (peek() == '\'') {
            int end = text.indexOf('\'', pos + 1);
            if (end < 0) throw error("unterminated custom type");
            String cls = text.substring(pos + 1, end);
            pos = end + 1;
            return io.jsylla.internal.protocol.TypeCodec.fromMarshalClass(cls);
        }
        String name = identifier();
        String lower = name.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "frozen": {
                List<DataType> args = arguments();
                return args.get(0).frozen();
            }
            case "list": return DataType.list(one(arguments()));
            case "set": return DataType.set(one(arguments()));
            case "map": {
                List<DataType> a = arguments();
                if (a.size() != 2) throw error("map takes two types");
                return DataType.map(a.get(0), a.get(1));
            }
            case "tuple": return DataType.tuple(arguments());
            case "vector": {
                expect('<');
                DataType element = type();
                expect(',');
                skipSpaces();
                int start = pos;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
                int dim = Integer.parseInt(text.substring(start, pos));
                expect('>');
                return DataType.vector(element, dim);
            }
            case "varchar": return DataType.TEXT;
            default:
                for (DataType.Kind k : DataType.Kind.values()) {
                    if (k.isPrimitive() && k.name().equalsIgnoreCase(lower) && !name.startsWith("\"")) return DataType.primitive(k);
                }
                DataType udt = udts.apply(name.startsWith("\"") ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : lower);
                if (udt == null) throw error("unknown type '" + name + "'");
                return udt;
        }
    }

    private static DataType one(List<DataType> args) {
        if (args.size() != 1) throw new IllegalArgumentException("expected one type argument, got " + args);
        return args.get(0);
    }

    private List<DataType> arguments() {
        expect('<');
        List<DataType> args = new ArrayList<>();
        args.add(type());
        skipSpaces();
        while (peek() == ',') {
            pos++;
            args.add(type());
            skipSpaces();
        }
        expect('>');
        return args;
    }

    private String identifier() {
        skipSpaces();
        int start = pos;
        if (peek() == '"') {
            pos++;
            while (pos < text.length()) {
                if (text.charAt(pos) == '"') {
                    if (pos + 1 < text.length() && text.charAt(pos + 1) == '"') pos += 2;
                    else break;
                } else {
                    pos++;
                }
            }
            pos++;
            return text.substring(start, pos);
        }
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) pos++;
        if (start == pos) throw error("expected a type name");
        return text.substring(start, pos);
    }

    private void expect(char c) {
        skipSpaces();
        if (peek() != c) throw error("expected '" + c + "'");
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("Cannot parse CQL type '" + text + "' at " + pos + ": " + what);
    }
}

package io.restake4j.eip712;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;

/**
 * A named EIP-712 struct type with typed fields: its {@link #encodeType()}, {@link #typeHash()} and the
 * {@link #hashStruct(Map)} of values. Field types are the atomic ones ({@code address}, {@code bool},
 * {@code uint8..uint256}, {@code int8..int256}, {@code bytes1..bytes32}), the dynamic {@code string} and
 * {@code bytes}, other struct types, and one-dimensional arrays of any of these ({@code uint256[]},
 * {@code Person[]}).
 *
 * <pre>{@code
 * StructType person = StructType.of("Person", List.of(Field.of("name", "string"), Field.of("wallet", "address")));
 * StructType mail = StructType.of("Mail", List.of(Field.of("from", person), Field.of("to", person),
 *         Field.of("contents", "string")));
 * mail.encodeType();   // "Mail(Person from,Person to,string contents)Person(string name,address wallet)"
 * byte[] h = mail.hashStruct(Map.of("from", Map.of("name", "Cow", "wallet", cow), "to", ..., "contents", "Hello, Bob!"));
 * }</pre>
 *
 * <p>Values: addresses as hex strings; integers as {@link BigInteger}, {@code Long}, {@code Integer} or a
 * decimal or 0x-hex string; {@code bool} as {@link Boolean}; {@code bytesN} and {@code bytes} as
 * {@code byte[]} or 0x-hex; {@code string} as {@link String}; a struct as a {@code Map} by field name; an
 * array as a {@link List}.
 */
public final class StructType {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Pattern UINT = Pattern.compile("u?int(\\d*)");
    private static final Pattern FIXED_BYTES = Pattern.compile("bytes(\\d+)");
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    /**
     * One field: its name and its type, either a type name ({@code "uint256"}, {@code "address[]"}) or a
     * struct type ({@link #struct()} set).
     *
     * <pre>{@code
     * Field.of("expiry", "uint256");  Field.of("to", person);  Field.arrayOf("cc", person);
     * }</pre>
     *
     * @param name   the field name
     * @param type   the type as EIP-712 writes it, e.g. {@code "uint256"} or {@code "Person[]"}
     * @param struct the struct type when the field (or its array elements) is a struct, else null
     */
    public record Field(String name, String type, StructType struct) {

        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            if (!NAME.matcher(name).matches()) {
                throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "not a field name: '" + name + "'");
            }
            String element = type.endsWith("[]") ? type.substring(0, type.length() - 2) : type;
            if (struct == null) {
                checkAtomic(element);
            } else if (!element.equals(struct.name())) {
                throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "field " + name + " of type " + type + " does not name struct " + struct.name());
            }
        }

        /** A field of an atomic or dynamic type, or an array of one: {@code "address"}, {@code "uint256[]"}. */
        public static Field of(String name, String type) {
            return new Field(name, type, null);
        }

        /** A field holding a struct. */
        public static Field of(String name, StructType struct) {
            return new Field(name, struct.name(), struct);
        }

        /** A field holding an array of structs. */
        public static Field arrayOf(String name, StructType struct) {
            return new Field(name, struct.name() + "[]", struct);
        }

        boolean isArray() {
            return type.endsWith("[]");
        }

        String elementType() {
            return isArray() ? type.substring(0, type.length() - 2) : type;
        }
    }

    private final String name;
    private final List<Field> fields;
    private final String encodeType;
    private final byte[] typeHash;

    private StructType(String name, List<Field> fields) {
        this.name = Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "not a struct type name: '" + name + "'");
        }
        this.fields = List.copyOf(fields);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Field f : this.fields) {
            if (!seen.add(f.name())) {
                throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "struct " + name + " has two fields named " + f.name());
            }
        }
        this.encodeType = buildEncodeType();
        this.typeHash = Hash.sha3(encodeType.getBytes(StandardCharsets.UTF_8));
    }

    /** A struct type named {@code name} with {@code fields} in order. */
    public static StructType of(String name, List<Field> fields) {
        return new StructType(name, fields);
    }

    public String name() {
        return name;
    }

    public List<Field> fields() {
        return fields;
    }

    /** This type's own member list, e.g. {@code Mail(Person from,Person to,string contents)}. */
    public String signature() {
        StringBuilder b = new StringBuilder(name).append('(');
        for (int i = 0; i < fields.size(); i++) {
            b.append(i == 0 ? "" : ",").append(fields.get(i).type()).append(' ').append(fields.get(i).name());
        }
        return b.append(')').toString();
    }

    /** EIP-712 {@code encodeType}: this type's signature, then each referenced struct type's, sorted by name. */
    public String encodeType() {
        return encodeType;
    }

    /** {@code keccak256(encodeType())}, e.g. an EigenLayer contract's {@code DELEGATION_APPROVAL_TYPEHASH}. */
    public byte[] typeHash() {
        return typeHash.clone();
    }

    /** Every struct type this one references, directly or not, by name (itself excluded). */
    public Map<String, StructType> referencedTypes() {
        Map<String, StructType> out = new TreeMap<>();
        collect(this, out);
        out.remove(name);
        return out;
    }

    /**
     * EIP-712 {@code hashStruct(values)}: {@code keccak256(typeHash ‖ encodeData(values))}.
     *
     * @throws InvalidInputException when a field is missing, an extra value is given, or a value does not
     *     fit its type
     */
    public byte[] hashStruct(Map<String, ?> values) {
        return Hash.sha3(typeHashAndData(values));
    }

    /** {@code typeHash ‖ encodeData(values)}: one 32-byte word per field after the type hash. */
    byte[] typeHashAndData(Map<String, ?> values) {
        Objects.requireNonNull(values, "values");
        for (String key : values.keySet()) {
            if (fields.stream().noneMatch(f -> f.name().equals(key))) {
                throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, name + " has no field '" + key + "'");
            }
        }
        byte[] out = new byte[32 * (fields.size() + 1)];
        System.arraycopy(typeHash, 0, out, 0, 32);
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            if (!values.containsKey(f.name()) || values.get(f.name()) == null) {
                throw new InvalidInputException(ErrorCode.MISSING, name + "." + f.name() + " is missing");
            }
            System.arraycopy(encodeField(f, values.get(f.name())), 0, out, 32 * (i + 1), 32);
        }
        return out;
    }

    /** The EIP-712 types of this struct and those it references, for the {@code types} member of the JSON. */
    Map<String, List<Map<String, String>>> jsonTypes() {
        Map<String, List<Map<String, String>>> types = new LinkedHashMap<>();
        types.put(name, jsonFields());
        referencedTypes().forEach((n, t) -> types.put(n, t.jsonFields()));
        return types;
    }

    List<Map<String, String>> jsonFields() {
        List<Map<String, String>> out = new ArrayList<>();
        for (Field f : fields) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("name", f.name());
            m.put("type", f.type());
            out.add(m);
        }
        return out;
    }

    /** {@code value} as JSON wallets take it: numbers as decimal strings, bytes as 0x-hex, structs as maps. */
    Object jsonValue(Field f, Object value) {
        if (f.isArray()) {
            List<Object> out = new ArrayList<>();
            for (Object e : list(f, value)) {
                out.add(jsonElement(f, e));
            }
            return out;
        }
        return jsonElement(f, value);
    }

    Map<String, Object> jsonMessage(Map<String, ?> values) {
        typeHashAndData(values);  // the same checks as hashing
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field f : fields) {
            out.put(f.name(), jsonValue(f, values.get(f.name())));
        }
        return out;
    }

    private Object jsonElement(Field f, Object value) {
        if (f.struct() != null) {
            return f.struct().jsonMessage(map(f, value));
        }
        String type = f.elementType();
        return switch (type) {
            case "address" -> address(f, value);
            case "bool" -> bool(f, value);
            case "string" -> string(f, value);
            case "bytes" -> Numeric.toHexString(bytes(f, value));
            default -> type.startsWith("bytes") ? Numeric.toHexString(fixedBytes(f, value, fixedSize(type)))
                    : integer(f, value, type).toString();
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StructType t && encodeType.equals(t.encodeType);
    }

    @Override
    public int hashCode() {
        return encodeType.hashCode();
    }

    @Override
    public String toString() {
        return encodeType;
    }

    // ---------------------------------------------------------------------------------------------

    private String buildEncodeType() {
        StringBuilder b = new StringBuilder(signature());
        referencedTypes().values().forEach(t -> b.append(t.signature()));
        return b.toString();
    }

    private static void collect(StructType t, Map<String, StructType> out) {
        StructType known = out.get(t.name);
        if (known != null) {
            if (known != t && !known.signature().equals(t.signature())) {
                throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "two different struct types are named " + t.name);
            }
            return;
        }
        out.put(t.name, t);
        for (Field f : t.fields) {
            if (f.struct() != null) {
                collect(f.struct(), out);
            }
        }
    }

    private byte[] encodeField(Field f, Object value) {
        if (f.isArray()) {
            List<?> items = list(f, value);
            byte[] all = new byte[32 * items.size()];
            for (int i = 0; i < items.size(); i++) {
                System.arraycopy(encodeElement(f, items.get(i)), 0, all, 32 * i, 32);
            }
            return Hash.sha3(all);
        }
        return encodeElement(f, value);
    }

    private byte[] encodeElement(Field f, Object value) {
        if (f.struct() != null) {
            return f.struct().hashStruct(map(f, value));
        }
        String type = f.elementType();
        switch (type) {
            case "address":
                return leftPad(Numeric.hexStringToByteArray(address(f, value)));
            case "bool":
                return leftPad(new byte[] {(byte) (bool(f, value) ? 1 : 0)});
            case "string":
                return Hash.sha3(string(f, value).getBytes(StandardCharsets.UTF_8));
            case "bytes":
                return Hash.sha3(bytes(f, value));
            default:
                if (type.startsWith("bytes")) {
                    byte[] word = new byte[32];
                    byte[] b = fixedBytes(f, value, fixedSize(type));
                    System.arraycopy(b, 0, word, 0, b.length);
                    return word;
                }
                return Numeric.toBytesPadded(twosComplement(integer(f, value, type)), 32);
        }
    }

    private static void checkAtomic(String type) {
        if (type.equals("address") || type.equals("bool") || type.equals("string") || type.equals("bytes")) {
            return;
        }
        Matcher bytes = FIXED_BYTES.matcher(type);
        if (bytes.matches()) {
            int n = Integer.parseInt(bytes.group(1));
            if (n >= 1 && n <= 32) {
                return;
            }
        }
        Matcher m = UINT.matcher(type);
        if (m.matches()) {
            int bits = m.group(1).isEmpty() ? 256 : Integer.parseInt(m.group(1));
            if (bits >= 8 && bits <= 256 && bits % 8 == 0 && !m.group(1).isEmpty()) {
                return;
            }
        }
        throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "not an EIP-712 atomic type: '" + type + "' (a struct field needs its StructType)");
    }

    private static int fixedSize(String type) {
        return Integer.parseInt(type.substring(5));
    }

    private String where(Field f) {
        return name + "." + f.name() + " (" + f.type() + ")";
    }

    private List<?> list(Field f, Object value) {
        if (value instanceof List<?> l) {
            return l;
        }
        throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, where(f) + " must be a List, was " + value.getClass().getSimpleName());
    }

    private Map<String, ?> map(Field f, Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
        throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, where(f) + " must be a Map of its fields, was " + value.getClass().getSimpleName());
    }

    private String address(Field f, Object value) {
        if (value instanceof String s && ADDRESS.matcher(s).matches()) {
            return io.restake4j.internal.Inputs.checksummed(s, where(f));
        }
        throw new InvalidInputException(ErrorCode.MALFORMED_ADDRESS, where(f) + " is not an address: " + value);
    }

    private boolean bool(Field f, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, where(f) + " must be a Boolean, was " + value);
    }

    private String string(Field f, Object value) {
        if (value instanceof String s) {
            return s;
        }
        throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, where(f) + " must be a String, was " + value);
    }

    private byte[] bytes(Field f, Object value) {
        if (value instanceof byte[] b) {
            return b.clone();
        }
        if (value instanceof String s && Numeric.containsHexPrefix(s) && s.length() % 2 == 0) {
            try {
                return Numeric.hexStringToByteArray(s);
            } catch (RuntimeException e) {
                // reported below
            }
        }
        throw new InvalidInputException(ErrorCode.MALFORMED_BYTES, where(f) + " must be byte[] or 0x-hex, was " + value);
    }

    private byte[] fixedBytes(Field f, Object value, int size) {
        byte[] b = bytes(f, value);
        if (b.length != size) {
            throw new InvalidInputException(ErrorCode.MALFORMED_BYTES, where(f) + " must be " + size + " bytes, was " + b.length);
        }
        return b;
    }

    private BigInteger integer(Field f, Object value, String type) {
        BigInteger v;
        if (value instanceof BigInteger b) {
            v = b;
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            v = BigInteger.valueOf(((Number) value).longValue());
        } else if (value instanceof String s) {
            try {
                v = Numeric.containsHexPrefix(s) ? Numeric.toBigInt(s) : new BigInteger(s);
            } catch (RuntimeException e) {
                throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, where(f) + " is not an integer: " + s);
            }
        } else {
            throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, where(f) + " must be an integer, was " + value);
        }
        boolean signed = !type.startsWith("u");
        int bits = Integer.parseInt(type.substring(signed ? 3 : 4));
        BigInteger max = signed ? BigInteger.TWO.pow(bits - 1) : BigInteger.TWO.pow(bits);
        BigInteger min = signed ? max.negate() : BigInteger.ZERO;
        if (v.compareTo(min) < 0 || v.compareTo(max) >= 0) {
            throw new InvalidInputException(ErrorCode.OUT_OF_RANGE, where(f) + " is out of range: " + v);
        }
        return v;
    }

    private static BigInteger twosComplement(BigInteger v) {
        return v.signum() >= 0 ? v : BigInteger.TWO.pow(256).add(v);
    }

    private static byte[] leftPad(byte[] b) {
        byte[] word = new byte[32];
        System.arraycopy(b, 0, word, 32 - b.length, b.length);
        return word;
    }
}

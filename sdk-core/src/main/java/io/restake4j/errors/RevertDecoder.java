package io.restake4j.errors;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigInteger;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.abi.CustomErrorEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Array;
import org.web3j.abi.datatypes.CustomError;
import org.web3j.abi.datatypes.StructType;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.utils.Numeric;

/**
 * Turns revert data into a {@link DecodedRevert}.
 *
 * <p>It knows {@code Error(string)}, {@code Panic(uint256)} and every custom error of every generated
 * wrapper on the classpath: the build lists the wrappers in {@code META-INF/restake4j/wrappers.txt}
 * (and error parameter names in {@code errors.tsv}), and the decoder reads their error constants.
 * Nothing is maintained by hand: an error added to an ABI under {@code abi/} is decoded on the next
 * build. The custom-error tables are built on first use (the first custom error decoded, or
 * {@link #knownErrors()}), once per decoder and thread-safely, so that building a client does not pay for
 * scanning every wrapper; {@code Error(string)} and {@code Panic(uint256)} never need them.
 *
 * <pre>{@code
 * DecodedRevert r = RevertDecoder.standard().decode("0xe450d38c...");
 * System.out.println(r); // ERC20InsufficientBalance(sender=0x..., balance=0, needed=1)
 * }</pre>
 */
@SuppressWarnings("rawtypes") // web3j's FunctionReturnDecoder and TypeReference speak raw Type
public final class RevertDecoder {

    /** Selector of {@code Error(string)}. */
    public static final String ERROR_SELECTOR = "0x08c379a0";
    /** Selector of {@code Panic(uint256)}. */
    public static final String PANIC_SELECTOR = "0x4e487b71";

    static final String WRAPPER_INDEX = "META-INF/restake4j/wrappers.txt";
    static final String ERROR_INDEX = "META-INF/restake4j/errors.tsv";

    private static final Logger LOG = LoggerFactory.getLogger(RevertDecoder.class);
    private static final Map<Integer, String> PANICS = Map.of(
            0x00, "generic compiler panic",
            0x01, "assertion failed",
            0x11, "arithmetic overflow or underflow",
            0x12, "division or modulo by zero",
            0x21, "conversion to an invalid enum value",
            0x22, "incorrectly encoded storage byte array",
            0x31, "pop() on an empty array",
            0x32, "array index out of bounds",
            0x41, "out of memory (allocation too large)",
            0x51, "call to a zero-initialized function pointer");

    private static volatile RevertDecoder standard;

    private final ClassLoader loader;
    /** The custom errors by selector; null until first needed. */
    private volatile Map<String, Known> bySelector;
    private final AtomicInteger tableBuilds = new AtomicInteger();

    private record Known(String name, String signature, List<String> names, List<TypeReference<Type>> types) {
    }

    private RevertDecoder(ClassLoader loader) {
        this.loader = loader;
    }

    /** The decoder for every wrapper on the classpath (one instance; its tables are built on first use). */
    public static RevertDecoder standard() {
        RevertDecoder d = standard;
        if (d == null) {
            synchronized (RevertDecoder.class) {
                d = standard;
                if (d == null) {
                    ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                            ? Thread.currentThread().getContextClassLoader() : RevertDecoder.class.getClassLoader();
                    d = new RevertDecoder(loader);
                    standard = d;
                }
            }
        }
        return d;
    }

    /** A decoder for the wrappers indexed on {@code loader}'s classpath; nothing is read until first use. */
    static RevertDecoder load(ClassLoader loader) {
        return new RevertDecoder(loader);
    }

    /** Forgets the standard decoder, so that the next {@link #standard()} makes a new one (for tests). */
    static void forgetStandard() {
        synchronized (RevertDecoder.class) {
            standard = null;
        }
    }

    /** Whether the custom-error tables have been built (for tests). */
    boolean tablesBuilt() {
        return bySelector != null;
    }

    /** How many times this decoder has built its tables: 0 or 1 (for tests). */
    int tableBuilds() {
        return tableBuilds.get();
    }

    /** The custom errors by selector, built on the first call (once: concurrent first callers wait for it). */
    private Map<String, Known> tables() {
        Map<String, Known> t = bySelector;
        if (t == null) {
            synchronized (this) {
                t = bySelector;
                if (t == null) {
                    t = Map.copyOf(scan(loader));
                    tableBuilds.incrementAndGet();
                    bySelector = t;
                }
            }
        }
        return t;
    }

    /** Reads the wrapper and error indexes on {@code loader}'s classpath and every indexed wrapper's error constants. */
    private static Map<String, Known> scan(ClassLoader loader) {
        Map<String, String[]> namesBySelector = new HashMap<>();
        for (String line : lines(loader, ERROR_INDEX)) {
            String[] f = line.split("\t", -1);
            if (f.length >= 2) {
                namesBySelector.put(f[0], f);
            }
        }
        Map<String, Known> known = new LinkedHashMap<>();
        for (String className : lines(loader, WRAPPER_INDEX)) {
            Class<?> wrapper;
            try {
                wrapper = Class.forName(className, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                LOG.debug("indexed wrapper {} not loadable: {}", className, e.toString());
                continue;
            }
            for (Field field : wrapper.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == CustomError.class) {
                    try {
                        CustomError error = (CustomError) field.get(null);
                        String selector = CustomErrorEncoder.encode(error).substring(0, 10);
                        String[] index = namesBySelector.get(selector);
                        String signature = index != null ? index[1] : error.getName() + "(...)";
                        List<String> names = new ArrayList<>();
                        String[] given = index != null && index.length > 2 && !index[2].isEmpty() ? index[2].split(",", -1) : new String[0];
                        for (int i = 0; i < error.getParameters().size(); i++) {
                            names.add(i < given.length && !given[i].isEmpty() ? given[i] : "arg" + i);
                        }
                        known.putIfAbsent(selector, new Known(error.getName(), signature, names, error.getParameters()));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return known;
    }

    /** Canonical signatures of every custom error this decoder knows. */
    public Set<String> knownErrors() {
        Set<String> s = new TreeSet<>();
        tables().values().forEach(k -> s.add(k.signature()));
        return Collections.unmodifiableSet(s);
    }

    /**
     * Decodes revert data (0x-hex; surrounding JSON quotes, as web3j sometimes leaves them, are
     * ignored). Never throws: undecodable data comes back as {@link DecodedRevert.Kind#UNKNOWN}.
     */
    public DecodedRevert decode(String revertData) {
        String data = normalise(revertData);
        if (data.length() <= 2) {
            return new DecodedRevert(DecodedRevert.Kind.EMPTY, "", "", List.of(), List.of(), "0x", "");
        }
        if (data.length() < 10) {
            return unknown(data);
        }
        String selector = data.substring(0, 10);
        String body = "0x" + data.substring(10);
        try {
            if (selector.equals(ERROR_SELECTOR)) {
                List<Type> v = FunctionReturnDecoder.decode(body, castTypes(List.of(new TypeReference<Utf8String>() { })));
                return new DecodedRevert(DecodedRevert.Kind.ERROR_STRING, "Error", "Error(string)", List.of("reason"),
                        List.of(v.get(0).getValue()), data, "");
            }
            if (selector.equals(PANIC_SELECTOR)) {
                List<Type> v = FunctionReturnDecoder.decode(body, castTypes(List.of(new TypeReference<Uint256>() { })));
                BigInteger code = (BigInteger) v.get(0).getValue();
                String meaning = code.bitLength() < 31 ? PANICS.getOrDefault(code.intValue(), "unknown panic code") : "unknown panic code";
                return new DecodedRevert(DecodedRevert.Kind.PANIC, "Panic", "Panic(uint256)", List.of("code"), List.of(code),
                        data, "0x" + code.toString(16) + ": " + meaning);
            }
            Known k = tables().get(selector);
            if (k == null) {
                return unknown(data);
            }
            List<Type> values = FunctionReturnDecoder.decode(body, k.types());
            if (values.size() != k.types().size()) {
                return unknown(data);
            }
            List<Object> natives = new ArrayList<>();
            for (Type t : values) {
                natives.add(toNative(t));
            }
            return new DecodedRevert(DecodedRevert.Kind.CUSTOM, k.name(), k.signature(), k.names(), natives, data, "");
        } catch (RuntimeException malformed) {
            LOG.debug("could not decode revert data {}", data, malformed);
            return unknown(data);
        }
    }

    private static DecodedRevert unknown(String data) {
        return new DecodedRevert(DecodedRevert.Kind.UNKNOWN, "", "", List.of(), List.of(), data, "");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<TypeReference<Type>> castTypes(List<? extends TypeReference<?>> refs) {
        return (List) refs;
    }

    private static Object toNative(Type<?> t) {
        if (t instanceof Array<?> array) {
            List<Object> out = new ArrayList<>();
            for (Type<?> e : array.getValue()) {
                out.add(toNative(e));
            }
            return out;
        }
        if (t instanceof StructType) {
            return t; // the generated struct class, as the wrappers return it
        }
        return t.getValue();
    }

    static String normalise(String revertData) {
        if (revertData == null) {
            return "0x";
        }
        String s = revertData.strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        s = Numeric.cleanHexPrefix(s).toLowerCase(java.util.Locale.ROOT);
        return "0x" + s;
    }

    private static List<String> lines(ClassLoader loader, String resource) {
        List<String> out = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources(resource))) {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (!line.isBlank() && !line.startsWith("#")) {
                            out.add(line.strip());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Override
    public String toString() {
        Map<String, Known> t = bySelector;
        return "RevertDecoder[" + (t == null ? "custom errors not loaded yet" : t.size() + " custom errors") + "]";
    }
}

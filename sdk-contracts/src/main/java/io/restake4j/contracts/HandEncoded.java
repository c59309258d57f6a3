package io.restake4j.contracts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;

/**
 * Calls to contract functions that web3j's code generator cannot produce, encoded by hand.
 *
 * <p>The build leaves such functions out of the generated wrappers (for example functions taking
 * {@code T[][]} in a contract with structs) and lists each in a manifest,
 * {@value #MANIFEST}, with its canonical signature and selector. Code that needs one of them builds
 * the call here from web3j types (the wrapper's generated struct classes included); the typed inputs
 * are checked against the declared canonical signature, so a wrong type fails at once rather than on
 * chain.
 *
 * <pre>{@code
 * Function call = HandEncoded.function("settle((address,uint256,address[],uint256[])[],address[][],bool[])",
 *         List.of(HandEncoded.array(Entry.class, entries), HandEncoded.addressArrays(tokens), HandEncoded.bools(flags)));
 * String calldata = FunctionEncoder.encode(call);
 * }</pre>
 */
public final class HandEncoded {

    /** Classpath location of the manifests of left-out functions (one per generated module). */
    public static final String MANIFEST = "META-INF/restake4j/codegen-excluded.tsv";

    private HandEncoded() {
    }

    /** A function the build left out of a wrapper. */
    public record ExcludedFunction(String contract, String signature, String selector, String reason) {
        public ExcludedFunction {
            Objects.requireNonNull(contract, "contract");
            Objects.requireNonNull(signature, "signature");
            Objects.requireNonNull(selector, "selector");
        }
    }

    /**
     * Builds the call for {@code canonicalSignature} (e.g. {@code transfer(address,uint256)}) from
     * {@code inputs}, checking that their ABI types spell exactly that signature.
     *
     * @throws IllegalArgumentException when the inputs' types do not match the signature
     */
    @SuppressWarnings("rawtypes")
    public static Function function(String canonicalSignature, List<Type> inputs, List<TypeReference<?>> outputs) {
        int paren = canonicalSignature.indexOf('(');
        if (paren <= 0 || !canonicalSignature.endsWith(")")) {
            throw new IllegalArgumentException("not a canonical function signature: " + canonicalSignature);
        }
        String name = canonicalSignature.substring(0, paren);
        String actual = name + inputs.stream().map(Type::getTypeAsString).collect(Collectors.joining(",", "(", ")"));
        if (!actual.equals(canonicalSignature)) {
            throw new IllegalArgumentException("hand-encoded inputs spell " + actual + " but the function is "
                    + canonicalSignature);
        }
        return new Function(name, List.copyOf(inputs), List.copyOf(outputs));
    }

    /** {@link #function} with no declared outputs. */
    @SuppressWarnings("rawtypes")
    public static Function function(String canonicalSignature, List<Type> inputs) {
        return function(canonicalSignature, inputs, List.of());
    }

    /** A {@code T[]} of web3j values (structs included: pass the generated struct class). */
    public static <T extends Type<?>> DynamicArray<T> array(Class<T> elementType, List<T> values) {
        return new DynamicArray<>(elementType, List.copyOf(values));
    }

    /** An {@code address[]}. */
    public static DynamicArray<Address> addresses(List<String> addresses) {
        return new DynamicArray<>(Address.class, addresses.stream().map(Address::new).toList());
    }

    /** A {@code bool[]}. */
    public static DynamicArray<Bool> bools(List<Boolean> values) {
        return new DynamicArray<>(Bool.class, values.stream().map(Bool::new).toList());
    }

    /**
     * An {@code address[][]}, the shape web3j's generator cannot handle beside structs. Its ABI type
     * is fixed, so an empty outer or inner list still encodes under the right signature.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static DynamicArray<DynamicArray<Address>> addressArrays(List<List<String>> rows) {
        List<DynamicArray<Address>> inner = rows.stream().map(HandEncoded::addresses).toList();
        return new DynamicArray(DynamicArray.class, inner) {
            @Override
            public String getTypeAsString() {
                return "address[][]";
            }
        };
    }

    /** The 4-byte selector of a canonical signature, 0x-prefixed. */
    public static String selector(String canonicalSignature) {
        return Hash.sha3String(canonicalSignature).substring(0, 10);
    }

    /** Every function left out of generation, from all manifests on the classpath. */
    public static List<ExcludedFunction> excludedFunctions() {
        return excludedFunctions(Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : HandEncoded.class.getClassLoader());
    }

    static List<ExcludedFunction> excludedFunctions(ClassLoader loader) {
        List<ExcludedFunction> all = new ArrayList<>();
        try {
            Enumeration<URL> manifests = loader.getResources(MANIFEST);
            for (URL url : Collections.list(manifests)) {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.isBlank() || line.startsWith("#")) {
                            continue;
                        }
                        String[] f = line.split("\t", -1);
                        if (f.length < 3) {
                            throw new IllegalStateException("malformed line in " + url + ": " + line);
                        }
                        all.add(new ExcludedFunction(f[0], f[1], f[2], f.length > 3 ? f[3] : ""));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(all);
    }
}

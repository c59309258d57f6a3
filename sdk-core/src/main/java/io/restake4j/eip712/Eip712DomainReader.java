package io.restake4j.eip712;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.web3j.tuples.generated.Tuple7;
import org.web3j.utils.Numeric;

import io.restake4j.contracts.common.EIP712DomainGetters;
import io.restake4j.errors.Eip712DomainMismatchException;
import io.restake4j.internal.Inputs;
import io.restake4j.read.MulticallReader;
import io.restake4j.read.Read;
import io.restake4j.read.ReadBatch;

/**
 * Reads a contract's EIP-712 domain from the chain and checks it before anything is signed with it.
 * One batched read asks the contract, failures allowed, for EIP-5267's {@code eip712Domain()},
 * {@code domainSeparator()} (EigenLayer), {@code DOMAIN_SEPARATOR()} (EIP-2612), {@code name()} and
 * {@code version()}. Then:
 * <ol>
 *   <li>where {@code eip712Domain()} answers, that domain is taken if it hashes to the contract's separator
 *       (or, for a contract without a separator getter, if its chain and contract are this chain and that
 *       contract, and its name is the one expected);</li>
 *   <li>else the domain is built from the expected name (or {@code name()}) and each version candidate,
 *       and the first whose separator equals the contract's own is taken. Without explicit candidates
 *       they come from {@code version()}: its first character, its first two characters, the whole
 *       string, in that order ({@link #versionCandidates}). EigenLayer's core contracts hash the first
 *       character ({@code "1.12.0"} gives {@code "1"}); the releases v1.3.0 to v1.5.0 hashed two
 *       ({@code "1.3.0"} gives {@code "1."}). A contract without {@code version()} is tried with "1" and "2"
 *       (EIP-2612 tokens);</li>
 *   <li>nothing matching, or nothing to check against: {@link Eip712DomainMismatchException}, and nothing
 *       is signed.</li>
 * </ol>
 * The domain is read at each call: a contract upgraded to a new version gets a new domain.
 *
 * <pre>{@code
 * Eip712DomainReader domains = new Eip712DomainReader(ctx.reads(), ctx.chainId());
 * Eip712Domain dm = domains.read(delegationManager, "EigenLayer");    // version from version(), checked
 * Eip712Domain usdc = domains.read(usdcAddress);                      // name(), version() or "1"/"2"
 * }</pre>
 */
public final class Eip712DomainReader {

    private final MulticallReader reader;
    private final long chainId;

    /** A reader over {@code reader}'s node, for the chain {@code chainId}. */
    public Eip712DomainReader(MulticallReader reader, long chainId) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.chainId = chainId;
    }

    /** The domain of {@code contract}, its name from {@code eip712Domain()} or {@code name()}. */
    public Eip712Domain read(String contract) {
        return read(contract, null, List.of());
    }

    /** The domain of {@code contract}, whose domain name is {@code name} (EigenLayer: "EigenLayer"). */
    public Eip712Domain read(String contract, String name) {
        return read(contract, name, List.of());
    }

    /**
     * The domain of {@code contract}, named {@code name} (null: from the contract) with one of
     * {@code versions} (empty: from {@code version()}, see {@link #versionCandidates}).
     *
     * @throws Eip712DomainMismatchException when no candidate hashes to the contract's separator, or the
     *     contract offers nothing to check a domain against
     */
    public Eip712Domain read(String contract, String name, List<String> versions) {
        ReadBatch batch = reader.newBatch();
        Supplier<Eip712Domain> domain = add(batch, contract, name, versions);
        batch.execute();
        return domain.get();
    }

    /**
     * Adds the domain's reads to {@code batch} (so that they share a round trip with other reads); the
     * supplier resolves the domain, as {@link #read(String, String, List)}, once the batch has executed.
     */
    public Supplier<Eip712Domain> add(ReadBatch batch, String contract, String name, List<String> versions) {
        Inputs.address(contract, "contract");
        Objects.requireNonNull(versions, "versions");
        Read<Tuple7<byte[], String, String, BigInteger, String, byte[], List<BigInteger>>> eip5267 =
                batch.add(EIP712DomainGetters::load, contract, EIP712DomainGetters::call_eip712Domain);
        Read<byte[]> separator = batch.add(EIP712DomainGetters::load, contract, EIP712DomainGetters::call_domainSeparator);
        Read<byte[]> permitSeparator = batch.add(EIP712DomainGetters::load, contract, EIP712DomainGetters::call_DOMAIN_SEPARATOR);
        Read<String> nameRead = batch.add(EIP712DomainGetters::load, contract, EIP712DomainGetters::call_name);
        Read<String> versionRead = batch.add(EIP712DomainGetters::load, contract, EIP712DomainGetters::call_version);
        return () -> resolve(contract, name, versions, eip5267.value(), separator.value().or(permitSeparator::value),
                nameRead.value(), versionRead.value());
    }

    /**
     * The versions EigenLayer's contracts have hashed for a {@code version()} string, most likely first:
     * the first character, the first two characters, the whole string ({@code "1.3.0"}: "1", "1.", "1.3.0").
     */
    public static List<String> versionCandidates(String contractVersion) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (contractVersion != null && !contractVersion.isEmpty()) {
            out.add(contractVersion.substring(0, 1));
            if (contractVersion.length() >= 2) {
                out.add(contractVersion.substring(0, 2));
            }
            out.add(contractVersion);
        }
        return List.copyOf(out);
    }

    private Eip712Domain resolve(String contract, String name, List<String> versions,
            Optional<Tuple7<byte[], String, String, BigInteger, String, byte[], List<BigInteger>>> eip5267,
            Optional<byte[]> separator, Optional<String> contractName, Optional<String> contractVersion) {
        List<String> tried = new ArrayList<>();
        String onChain = separator.map(Numeric::toHexString).orElse(null);
        Optional<Eip712Domain> declared = eip5267.flatMap(this::fromEip5267);
        if (declared.isPresent()) {
            Eip712Domain d = declared.get();
            boolean ours = d.chainId() == chainId && d.verifyingContract().equalsIgnoreCase(contract)
                    && (name == null || name.equals(d.name()));
            if (separator.isPresent() ? d.matches(separator.get()) : ours) {
                return d;
            }
            tried.add("eip712Domain() " + d + " -> " + d.separatorHex());
        }
        if (separator.isEmpty()) {
            throw new Eip712DomainMismatchException(contract, null, tried, "cannot check the EIP-712 domain of " + contract
                    + (tried.isEmpty() ? ": it has no eip712Domain()" : ": its eip712Domain() is not this chain's and contract's")
                    + ", no domainSeparator() and no DOMAIN_SEPARATOR(); nothing signed");
        }
        String domainName = name != null ? name : contractName.orElse(null);
        if (domainName == null) {
            throw new Eip712DomainMismatchException(contract, onChain, tried, "cannot build the EIP-712 domain of " + contract
                    + ": no domain name given and the contract has no name(); nothing signed");
        }
        List<String> candidates = !versions.isEmpty() ? versions
                : contractVersion.filter(v -> !v.isEmpty()).map(Eip712DomainReader::versionCandidates).orElse(List.of("1", "2"));
        for (String version : candidates) {
            Eip712Domain d = Eip712Domain.of(domainName, version, chainId, contract);
            if (d.matches(separator.get())) {
                return d;
            }
            tried.add(d + " -> " + d.separatorHex());
        }
        throw new Eip712DomainMismatchException(contract, onChain, tried, "the EIP-712 domain of " + contract
                + " is none of those tried: its separator is " + onChain + ", but name '" + domainName + "' with version "
                + candidates.stream().map(v -> "'" + v + "'").reduce((a, b) -> a + ", " + b).orElse("(none)")
                + contractVersion.map(v -> " (its version() is '" + v + "')").orElse("") + " on chain " + chainId
                + " give " + tried + "; nothing signed");
    }

    private Optional<Eip712Domain> fromEip5267(Tuple7<byte[], String, String, BigInteger, String, byte[], List<BigInteger>> t) {
        try {
            int fields = t.component1()[0] & 0xff;
            int base = Eip712Domain.NAME_BIT | Eip712Domain.VERSION_BIT | Eip712Domain.CHAIN_ID_BIT
                    | Eip712Domain.VERIFYING_CONTRACT_BIT;
            if ((fields & ~Eip712Domain.SALT_BIT) != base || !t.component7().isEmpty()) {
                return Optional.empty();  // a domain without one of the usual four fields, or with extensions
            }
            Eip712Domain d = Eip712Domain.of(t.component2(), t.component3(), t.component4().longValueExact(), t.component5());
            return Optional.of((fields & Eip712Domain.SALT_BIT) != 0 ? d.withSalt(t.component6()) : d);
        } catch (RuntimeException e) {
            return Optional.empty();  // not an EIP-5267 answer (e.g. Lido's shorter eip712Domain())
        }
    }
}

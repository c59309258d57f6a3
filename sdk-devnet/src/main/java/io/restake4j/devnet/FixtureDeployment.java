package io.restake4j.devnet;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.ContractUtils;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.utils.Numeric;

/**
 * The deployer's transactions that set up one protocol's fixtures: the address of the {@code i}-th
 * transaction's contract is known before anything is sent (it derives from the deployer's nonce), so each
 * constructor can be given the others' addresses; the transactions go out back to back, signed here, and
 * their receipts are checked at the end, in one wait. The transactions are the constants of an enum, in
 * order (a constant's ordinal is its place); each contract created is registered in the devnet's address
 * book under the name given, once all receipts are in.
 *
 * <pre>{@code
 * enum Tx { POOL, TOKEN, SEED }
 * FixtureDeployment d = FixtureDeployment.begin(devnet, "Some", Tx.values());
 * d.create(Tx.POOL, "some.pool", poolCode, new Address(d.address(Tx.TOKEN)));
 * d.create(Tx.TOKEN, "some.token", tokenCode, new Address(d.address(Tx.POOL)));
 * d.call(Tx.SEED, d.address(Tx.POOL), seedCalldata);
 * d.finish();                                       // receipts checked, "some.pool" and "some.token" registered
 * }</pre>
 */
final class FixtureDeployment {

    private static final BigInteger GAS = BigInteger.valueOf(12_000_000L);
    private static final BigInteger PRIORITY_FEE = BigInteger.valueOf(1_000_000_000L);
    private static final BigInteger MAX_FEE = BigInteger.valueOf(100_000_000_000L);

    private final Devnet devnet;
    private final String protocol;
    private final Credentials deployer;
    private final BigInteger firstNonce;
    private final List<Enum<?>> slots;
    private final List<String> hashes = new ArrayList<>();
    private final Map<String, String> registered = new LinkedHashMap<>();

    private FixtureDeployment(Devnet devnet, String protocol, Credentials deployer, BigInteger firstNonce,
            List<Enum<?>> slots) {
        this.devnet = devnet;
        this.protocol = protocol;
        this.deployer = deployer;
        this.firstNonce = firstNonce;
        this.slots = slots;
    }

    /** Starts at the deployer's next nonce, for the transactions {@code slots} (in their order). */
    static FixtureDeployment begin(Devnet devnet, String protocol, Enum<?>[] slots) {
        Credentials deployer = devnet.deployer();
        try {
            BigInteger nonce = devnet.web3j().ethGetTransactionCount(deployer.getAddress(), DefaultBlockParameterName.PENDING)
                    .send().getTransactionCount();
            return new FixtureDeployment(devnet, protocol, deployer, nonce, List.of(slots));
        } catch (IOException e) {
            throw new DevnetException("cannot read the deployer's nonce: " + e.getMessage(), e);
        }
    }

    /** The deployer, whose address some constructors take (as owner, oracle or guardian). */
    String deployerAddress() {
        return deployer.getAddress();
    }

    /** The address of the contract transaction {@code slot} creates. */
    String address(Enum<?> slot) {
        return ContractUtils.generateContractAddress(deployer.getAddress(),
                firstNonce.add(BigInteger.valueOf(slot.ordinal())));
    }

    /**
     * Sends transaction {@code slot} (which must be the next one): a creation with these constructor
     * arguments, of a contract to register as {@code registeredAs}.
     */
    FixtureDeployment create(Enum<?> slot, String registeredAs, String bytecode, Type<?>... constructorArgs) {
        return createPaying(slot, registeredAs, BigInteger.ZERO, bytecode, constructorArgs);
    }

    /** As {@link #create}, sending {@code valueWei} of the deployer's ether to a payable constructor. */
    FixtureDeployment createPaying(Enum<?> slot, String registeredAs, BigInteger valueWei, String bytecode,
            Type<?>... constructorArgs) {
        Objects.requireNonNull(bytecode, () -> protocol + " fixture " + slot + ": no bytecode");
        registered.put(Objects.requireNonNull(registeredAs, "registeredAs"), address(slot));
        return send(slot.ordinal(), "", valueWei,
                bytecode + FunctionEncoder.encodeConstructor(List.of(constructorArgs)));
    }

    /** Sends transaction {@code slot} (which must be the next one): a call of {@code to} with {@code data}. */
    FixtureDeployment call(Enum<?> slot, String to, String data) {
        return send(slot.ordinal(), to, BigInteger.ZERO, data);
    }

    /**
     * Waits for every receipt (any revert fails the devnet's start with the step that reverted), then
     * registers each created contract under its name.
     */
    void finish() {
        if (hashes.size() != slots.size()) {
            throw new IllegalStateException(protocol + " fixture deployment sent " + hashes.size() + " of "
                    + slots.size() + " transactions");
        }
        for (int i = 0; i < hashes.size(); i++) {
            requireSuccess(hashes.get(i), protocol + " fixture deployment step " + i + " (" + slots.get(i) + ")");
        }
        registered.forEach(devnet::register);
    }

    private FixtureDeployment send(int index, String to, BigInteger valueWei, String data) {
        if (index != hashes.size()) {
            throw new IllegalStateException(protocol + " fixture transaction " + index + " sent as number " + hashes.size());
        }
        RawTransaction tx = RawTransaction.createTransaction(devnet.chainId(), firstNonce.add(BigInteger.valueOf(index)), GAS,
                to, valueWei, data, PRIORITY_FEE, MAX_FEE);
        String signed = Numeric.toHexString(TransactionEncoder.signMessage(tx, deployer));
        try {
            EthSendTransaction sent = devnet.web3j().ethSendRawTransaction(signed).send();
            if (sent.hasError()) {
                throw new DevnetException("fixture transaction refused: " + sent.getError().getMessage());
            }
            hashes.add(sent.getTransactionHash());
            return this;
        } catch (IOException e) {
            throw new DevnetException("fixture transaction failed: " + e.getMessage(), e);
        }
    }

    private void requireSuccess(String hash, String what) {
        for (int attempt = 0; attempt < 2_000; attempt++) {
            try {
                var receipt = devnet.web3j().ethGetTransactionReceipt(hash).send().getTransactionReceipt();
                if (receipt.isPresent()) {
                    if (!receipt.get().isStatusOK()) {
                        throw new DevnetException(what + " reverted (tx " + hash + ")");
                    }
                    return;
                }
                Thread.sleep(2);
            } catch (IOException e) {
                throw new DevnetException(what + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DevnetException(what + ": interrupted", e);
            }
        }
        throw new DevnetException(what + ": no receipt for " + hash);
    }
}

package io.restake4j.devnet;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

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
 * their receipts are checked at the end, in one wait.
 */
final class FixtureDeployment {

    private static final BigInteger GAS = BigInteger.valueOf(12_000_000L);
    private static final BigInteger PRIORITY_FEE = BigInteger.valueOf(1_000_000_000L);
    private static final BigInteger MAX_FEE = BigInteger.valueOf(100_000_000_000L);

    private final Devnet devnet;
    private final String protocol;
    private final Credentials deployer;
    private final BigInteger firstNonce;
    private final List<String> hashes = new ArrayList<>();

    private FixtureDeployment(Devnet devnet, String protocol, Credentials deployer, BigInteger firstNonce) {
        this.devnet = devnet;
        this.protocol = protocol;
        this.deployer = deployer;
        this.firstNonce = firstNonce;
    }

    /** Starts at the deployer's next nonce. */
    static FixtureDeployment begin(Devnet devnet, String protocol) {
        Credentials deployer = devnet.deployer();
        try {
            BigInteger nonce = devnet.web3j().ethGetTransactionCount(deployer.getAddress(), DefaultBlockParameterName.PENDING)
                    .send().getTransactionCount();
            return new FixtureDeployment(devnet, protocol, deployer, nonce);
        } catch (IOException e) {
            throw new DevnetException("cannot read the deployer's nonce: " + e.getMessage(), e);
        }
    }

    /** The deployer, whose address some constructors take (as owner, oracle or guardian). */
    String deployerAddress() {
        return deployer.getAddress();
    }

    /** The address of the contract the {@code index}-th transaction creates. */
    String address(int index) {
        return ContractUtils.generateContractAddress(deployer.getAddress(), firstNonce.add(BigInteger.valueOf(index)));
    }

    /** The addresses of transactions 0 .. count-1. */
    String[] addresses(int count) {
        String[] at = new String[count];
        for (int i = 0; i < count; i++) {
            at[i] = address(i);
        }
        return at;
    }

    /** Sends transaction {@code index} (which must be the next one): a creation with these constructor arguments. */
    FixtureDeployment create(int index, String bytecode, Type<?>... constructorArgs) {
        return send(index, "", bytecode + FunctionEncoder.encodeConstructor(List.of(constructorArgs)));
    }

    /** Sends transaction {@code index} (which must be the next one): a call of {@code to} with {@code data}. */
    FixtureDeployment call(int index, String to, String data) {
        return send(index, to, data);
    }

    /** Waits for every receipt; any revert fails the devnet's start with the step that reverted. */
    void finish() {
        for (int i = 0; i < hashes.size(); i++) {
            requireSuccess(hashes.get(i), protocol + " fixture deployment step " + i);
        }
    }

    private FixtureDeployment send(int index, String to, String data) {
        if (index != hashes.size()) {
            throw new IllegalStateException(protocol + " fixture transaction " + index + " sent as number " + hashes.size());
        }
        RawTransaction tx = RawTransaction.createTransaction(devnet.chainId(), firstNonce.add(BigInteger.valueOf(index)), GAS,
                to, BigInteger.ZERO, data, PRIORITY_FEE, MAX_FEE);
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

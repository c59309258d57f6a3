package io.restake4j.eigenlayer;

import java.math.BigInteger;

import io.restake4j.contracts.common.Multicall3;
import io.restake4j.contracts.eigenlayer.EigenPodManager;
import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.tx.Check;
import io.restake4j.tx.Operation;
import io.restake4j.tx.Plan;
import io.restake4j.tx.Step;

/**
 * The client account's EigenPod (native restaking): its address (known before it exists), creation,
 * staking 32 ETH to a validator whose withdrawal credentials point at the pod, and the pod's shares.
 *
 * <p>Out of scope: the beacon-chain proofs (withdrawal credentials, checkpoints, stale balances), which
 * need a beacon node and EigenLayer's proof generator; until those are verified, staked ETH earns no
 * shares.
 *
 * <pre>{@code
 * EigenPods pods = client.eigenLayer().pods();
 * String pod = pods.address();                 // deterministic, even before creation
 * pods.create().send();
 * }</pre>
 */
public final class EigenPods {

    /** What one validator deposit carries. */
    public static final BigInteger THIRTY_TWO_ETH = BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(32));

    private final EigenLayerContext ctx;

    EigenPods(EigenLayerContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The withdrawal credentials of a validator whose withdrawals go to {@code pod}:
     * {@code 0x01 ‖ 11 zero bytes ‖ pod address}.
     */
    public static byte[] withdrawalCredentials(String pod) {
        byte[] address = org.web3j.utils.Numeric.hexStringToByteArray(pod);
        if (address.length != 20) {
            throw new InvalidInputException(ErrorCode.MALFORMED_ADDRESS, "not an address: " + pod);
        }
        byte[] credentials = new byte[32];
        credentials[0] = 0x01;
        System.arraycopy(address, 0, credentials, 12, 20);
        return credentials;
    }

    /**
     * The {@code deposit_data_root} the beacon deposit contract recomputes and checks: the SSZ hash tree
     * root of {@code DepositData(pubkey, withdrawal_credentials, amount in gwei, signature)}.
     */
    public static byte[] depositDataRoot(byte[] pubkey, byte[] withdrawalCredentials, long amountGwei, byte[] signature) {
        if (pubkey == null || pubkey.length != 48 || withdrawalCredentials == null || withdrawalCredentials.length != 32
                || signature == null || signature.length != 96 || amountGwei <= 0) {
            throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "deposit data needs a 48-byte pubkey, 32-byte credentials, a positive amount"
                    + " and a 96-byte signature");
        }
        byte[] pubkeyRoot = sha256(pubkey, new byte[16]);
        byte[] signatureRoot = sha256(sha256(java.util.Arrays.copyOfRange(signature, 0, 64)),
                sha256(java.util.Arrays.copyOfRange(signature, 64, 96), new byte[32]));
        byte[] amount = new byte[32];
        for (int i = 0; i < 8; i++) {
            amount[i] = (byte) (amountGwei >>> (8 * i)); // little-endian uint64, padded to a chunk
        }
        return sha256(sha256(pubkeyRoot, withdrawalCredentials), sha256(amount, signatureRoot));
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The account's pod address, predicted by the EigenPodManager (CREATE2) whether or not it exists yet. */
    public String address() {
        String owner = ctx.account();
        return ctx.readOne(EigenPodManager::load, ctx.eigenPodManager, pm -> pm.call_getPod(owner));
    }

    /** Whether the account's pod has been deployed. */
    public boolean exists() {
        String owner = ctx.account();
        return ctx.readOne(EigenPodManager::load, ctx.eigenPodManager, pm -> pm.call_hasPod(owner));
    }

    /** The pod owner's beaconChainETH deposit shares (wei; negative for a legacy deficit). */
    public BigInteger shares() {
        String owner = ctx.account();
        return ctx.readOne(EigenPodManager::load, ctx.eigenPodManager, pm -> pm.call_podOwnerDepositShares(owner));
    }

    /** Deploys the account's pod; the result carries its address (from {@code PodDeployed}). */
    public Operation<PodResult> create() {
        String owner = ctx.account();
        return ctx.<PodResult>operation("create the EigenPod of " + owner, plan -> plan
                .check(Check.of("pod of " + owner, EigenPodManager::load, ctx.eigenPodManager,
                        (EigenPodManager pm) -> pm.call_hasPod(owner))
                        .require(ErrorCode.ALREADY_DONE, has -> !has, has -> owner + " already has an EigenPod"))
                .step(Step.of("createPod", EigenPodManager::load, ctx.eigenPodManager, EigenPodManager::call_createPod))
                .result(ex -> new PodResult(ex, ex.events(ctx.eigenPodManager, EigenPodManager::getPodDeployedEvents).get(0).eigenPod,
                        true)));
    }

    /**
     * Stakes 32 ETH into a new validator whose withdrawal credentials are the account's pod (created in
     * the same transaction if needed). {@code pubkey} (48 bytes), {@code signature} (96 bytes) and
     * {@code depositDataRoot} (32 bytes) come from your validator key tooling.
     */
    public Operation<PodResult> stake(byte[] pubkey, byte[] signature, byte[] depositDataRoot) {
        if (pubkey == null || pubkey.length != 48) {
            throw new InvalidInputException(ErrorCode.MALFORMED_BYTES, "a validator pubkey is 48 bytes");
        }
        if (signature == null || signature.length != 96) {
            throw new InvalidInputException(ErrorCode.MALFORMED_BYTES, "a deposit signature is 96 bytes");
        }
        if (depositDataRoot == null || depositDataRoot.length != 32) {
            throw new InvalidInputException(ErrorCode.MALFORMED_BYTES, "a deposit data root is 32 bytes");
        }
        String owner = ctx.account();
        return ctx.<PodResult>operation("stake 32 ETH through the EigenPod of " + owner, plan -> {
            String pod = address(); // predicted, the same before and after deployment
            plan.check(Check.of("ETH balance of " + owner, Multicall3::load, ctx.network.multicall3(),
                        (Multicall3 m) -> m.call_getEthBalance(owner))
                        .require(ErrorCode.INSUFFICIENT_BALANCE, b -> b.compareTo(THIRTY_TWO_ETH) >= 0, b -> "staking needs 32 ETH; " + owner + " holds " + b + " wei"))
                .step(Step.raw("stake 32 ETH", ctx.eigenPodManager,
                        EigenPodManager.getABI_send_stake(pubkey, signature, depositDataRoot, THIRTY_TWO_ETH), THIRTY_TWO_ETH))
                .result(ex -> {
                    var deployed = ex.events(ctx.eigenPodManager, EigenPodManager::getPodDeployedEvents);
                    return deployed.isEmpty() ? new PodResult(ex, pod, false) : new PodResult(ex, deployed.get(0).eigenPod, true);
                });
        });
    }
}

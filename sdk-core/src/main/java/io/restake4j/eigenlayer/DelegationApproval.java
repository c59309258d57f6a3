package io.restake4j.eigenlayer;

import java.math.BigInteger;
import java.util.Objects;

import org.web3j.utils.Numeric;

import io.restake4j.eip712.Signature;

/**
 * An operator's delegation approver's consent for one staker to delegate: the EIP-712 signature, its
 * salt (usable once per approver) and its expiry (unix seconds). Obtain it with
 * {@link EigenLayer#signDelegationApproval} when you hold the approver's signer, or from the operator's
 * approval service, which signs {@link EigenLayer#delegationApprovalTypedData} (its JSON or its digest)
 * and hands back 65 bytes: {@link #of(DelegationApprovalRequest, Signature)}.
 *
 * <pre>{@code
 * DelegationApproval ok = el.signDelegationApproval(approverSigner, staker, operator, Instant.now().plus(Duration.ofHours(1)));
 * client.eigenLayer().delegateTo(operator, ok).send();
 * // or, signed elsewhere:
 * DelegationApproval ok2 = DelegationApproval.of(request, Signature.fromHex(walletAnswer));
 * }</pre>
 *
 * @param signature 65 bytes r‖s‖v (or an EIP-1271 contract signature)
 * @param salt      32 bytes
 * @param expiry    unix seconds after which the signature is refused
 */
public record DelegationApproval(byte[] signature, byte[] salt, BigInteger expiry) {

    public DelegationApproval {
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(expiry, "expiry");
        if (salt == null || salt.length != 32) {
            throw new IllegalArgumentException("salt must be 32 bytes");
        }
        signature = signature.clone();
        salt = salt.clone();
    }

    /** The approval of {@code request} signed with {@code signature} (an ECDSA signature of the approver). */
    public static DelegationApproval of(DelegationApprovalRequest request, Signature signature) {
        Objects.requireNonNull(request, "request");
        return new DelegationApproval(Objects.requireNonNull(signature, "signature").toBytes(), request.salt(), request.expiry());
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public String toString() {
        return "DelegationApproval[salt " + Numeric.toHexString(salt) + ", expiry " + expiry + "]";
    }
}

package io.restake4j.eigenlayer;

import java.math.BigInteger;
import java.util.Objects;

import io.restake4j.eip712.Signature;

/**
 * An operator's delegation approver's consent for one staker to delegate: the {@link DelegationApprovalRequest}
 * it signs (staker, operator, approver, salt usable once per approver, expiry in unix seconds) and the EIP-712
 * signature. Obtain it with {@link EigenLayer#signDelegationApproval} when you hold the approver's signer, or
 * from the operator's approval service, which signs {@link EigenLayer#delegationApprovalTypedData} (its JSON or
 * its digest) and hands back 65 bytes: {@link #of(DelegationApprovalRequest, Signature)}.
 * {@link EigenLayer#delegateTo(String, DelegationApproval)} refuses, before signing, an approval for another
 * staker, operator or approver, or one whose expiry has passed.
 *
 * <pre>{@code
 * DelegationApproval ok = el.signDelegationApproval(approverSigner, staker, operator, Instant.now().plus(Duration.ofHours(1)));
 * client.eigenLayer().delegateTo(operator, ok).send();
 * // or, signed elsewhere:
 * DelegationApproval ok2 = DelegationApproval.of(request, Signature.fromHex(walletAnswer));
 * }</pre>
 *
 * @param request   what the approver signed
 * @param signature 65 bytes r‖s‖v (or an EIP-1271 contract signature)
 */
public record DelegationApproval(DelegationApprovalRequest request, byte[] signature) {

    public DelegationApproval {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(signature, "signature");
        signature = signature.clone();
    }

    /** The approval of {@code request} signed with {@code signature} (an ECDSA signature of the approver). */
    public static DelegationApproval of(DelegationApprovalRequest request, Signature signature) {
        return new DelegationApproval(request, Objects.requireNonNull(signature, "signature").toBytes());
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The staker the approval lets delegate. */
    public String staker() {
        return request.staker();
    }

    /** The operator it may delegate to. */
    public String operator() {
        return request.operator();
    }

    /** The operator's delegation approver, who signed. */
    public String approver() {
        return request.approver();
    }

    /** 32 bytes, usable once per approver. */
    public byte[] salt() {
        return request.salt();
    }

    /** Unix seconds after which the contract refuses the signature. */
    public BigInteger expiry() {
        return request.expiry();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DelegationApproval a && request.equals(a.request) && java.util.Arrays.equals(signature, a.signature);
    }

    @Override
    public int hashCode() {
        return 31 * request.hashCode() + java.util.Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "DelegationApproval[" + request + "]";
    }
}

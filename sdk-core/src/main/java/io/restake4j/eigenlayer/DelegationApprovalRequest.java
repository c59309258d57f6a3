package io.restake4j.eigenlayer;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.web3j.utils.Numeric;

import io.restake4j.eip712.StructType;
import io.restake4j.eip712.TypedMessage;
import io.restake4j.eip712.StructType.Field;
import io.restake4j.eip712.TypedData;
import io.restake4j.internal.Inputs;

/**
 * What an operator's delegation approver consents to: {@code staker} may delegate to {@code operator}
 * until {@code expiry} (unix seconds), with a {@code salt} usable once per approver. Named fields, so
 * that the order of the contract's helper ({@code calculateDelegationApprovalDigestHash(staker, operator,
 * approver, salt, expiry)}) and of the typehash ({@code approver, staker, operator, salt, expiry}) cannot
 * be confused. Its typed data is {@link #TYPE} in the DelegationManager's domain.
 *
 * <pre>{@code
 * DelegationApprovalRequest req = DelegationApprovalRequest.of(staker, operator, approver, Instant.now().plus(Duration.ofHours(1)));
 * TypedData data = client.eigenLayer().delegationApprovalTypedData(req);   // domain read and checked
 * String json = data.toJson();                                              // sign it elsewhere
 * DelegationApproval ok = DelegationApproval.of(req, Signature.fromHex(answer));
 * }</pre>
 *
 * @param staker   who delegates
 * @param operator to whom
 * @param approver the operator's delegation approver (who signs)
 * @param salt     32 bytes, once per approver
 * @param expiry   unix seconds
 */
public record DelegationApprovalRequest(String staker, String operator, String approver, byte[] salt, BigInteger expiry) implements TypedMessage {

    /**
     * {@code DelegationApproval(address delegationApprover,address staker,address operator,bytes32 salt,uint256 expiry)};
     * its {@link StructType#typeHash()} is the DelegationManager's {@code DELEGATION_APPROVAL_TYPEHASH}.
     */
    public static final StructType TYPE = StructType.of("DelegationApproval", List.of(Field.of("delegationApprover", "address"),
            Field.of("staker", "address"), Field.of("operator", "address"), Field.of("salt", "bytes32"),
            Field.of("expiry", "uint256")));

    private static final SecureRandom SALTS = new SecureRandom();

    public DelegationApprovalRequest {
        Inputs.address(staker, "staker");
        Inputs.address(operator, "operator");
        Inputs.address(approver, "approver");
        Objects.requireNonNull(expiry, "expiry");
        if (salt == null || salt.length != 32) {
            throw new io.restake4j.errors.InvalidInputException(io.restake4j.errors.ErrorCode.MALFORMED_BYTES, "salt", "a delegation approval's salt must be 32 bytes");
        }
        salt = salt.clone();
    }

    /** A request valid until {@code expiry}, with a fresh random salt. */
    public static DelegationApprovalRequest of(String staker, String operator, String approver, Instant expiry) {
        Inputs.future(expiry, "the approval's expiry");
        byte[] salt = new byte[32];
        SALTS.nextBytes(salt);
        return new DelegationApprovalRequest(staker, operator, approver, salt, BigInteger.valueOf(expiry.getEpochSecond()));
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    /** The message's values by field name of {@link #TYPE}. */
    @Override
    public Map<String, Object> message() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("delegationApprover", approver);
        m.put("staker", staker);
        m.put("operator", operator);
        m.put("salt", salt.clone());
        m.put("expiry", expiry);
        return m;
    }

    /** {@link #TYPE}. */
    @Override
    public StructType structType() {
        return TYPE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DelegationApprovalRequest r && staker.equalsIgnoreCase(r.staker) && operator.equalsIgnoreCase(r.operator)
                && approver.equalsIgnoreCase(r.approver) && java.util.Arrays.equals(salt, r.salt) && expiry.equals(r.expiry);
    }

    @Override
    public int hashCode() {
        return Objects.hash(staker.toLowerCase(java.util.Locale.ROOT), operator.toLowerCase(java.util.Locale.ROOT),
                java.util.Arrays.hashCode(salt), expiry);
    }

    @Override
    public String toString() {
        return "DelegationApprovalRequest[staker " + staker + ", operator " + operator + ", approver " + approver + ", salt "
                + Numeric.toHexString(salt) + ", expiry " + expiry + "]";
    }
}

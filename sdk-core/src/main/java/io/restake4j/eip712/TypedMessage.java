package io.restake4j.eip712;

import java.util.Map;

/**
 * A message of one EIP-712 struct type: its struct hash and its typed data in a domain follow from the type and
 * the values, so a request record only says which type it is and what its fields hold.
 *
 * <pre>{@code
 * DepositRequest req = el.depositRequest(staker, amount, strategy, expiry);   // a TypedMessage
 * byte[] hash = req.structHash();
 * String json = req.typedData(el.strategyManagerDomain()).toJson();
 * }</pre>
 */
public interface TypedMessage {

    /** The struct type of this message. */
    StructType structType();

    /** The field values, by name, as {@link StructType#hashStruct} takes them. */
    Map<String, Object> message();

    /** {@code hashStruct} of this message. */
    default byte[] structHash() {
        return structType().hashStruct(message());
    }

    /** The typed data to sign in {@code domain}. */
    default TypedData typedData(Eip712Domain domain) {
        return TypedData.of(domain, structType(), message());
    }
}

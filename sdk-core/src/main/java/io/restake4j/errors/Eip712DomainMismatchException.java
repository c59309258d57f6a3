package io.restake4j.errors;

import java.util.List;
import java.util.Optional;

/**
 * The EIP-712 domain restake4j built for a contract does not hash to the contract's own domain
 * separator (or the contract offers no way to check it), so nothing was signed: a signature over the
 * wrong domain would be refused on chain, or worse, be valid somewhere else. The message names the
 * contract, its separator and every domain tried.
 *
 * <pre>{@code
 * try { el.signDelegationApproval(approver, staker, operator, Duration.ofHours(1)); }
 * catch (Eip712DomainMismatchException e) {
 *     log.error("{} has an unexpected EIP-712 domain {}; tried {}", e.contract(), e.onChainSeparator(), e.tried());
 * }
 * }</pre>
 */
public class Eip712DomainMismatchException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final String contract;
    private final String onChainSeparator;
    private final List<String> tried;

    /**
     * @param contract         the verifying contract
     * @param onChainSeparator the contract's separator as 0x-hex, or null when it has none
     * @param tried            a description of each domain tried (with its separator)
     * @param message          what went wrong
     */
    public Eip712DomainMismatchException(String contract, String onChainSeparator, List<String> tried, String message) {
        super(ErrorCode.EIP712_DOMAIN_MISMATCH, message);
        this.contract = contract;
        this.onChainSeparator = onChainSeparator;
        this.tried = List.copyOf(tried);
    }

    /** The contract whose domain was read. */
    public String contract() {
        return contract;
    }

    /** The contract's own separator, when it has a getter for it. */
    public Optional<String> onChainSeparator() {
        return Optional.ofNullable(onChainSeparator);
    }

    /** The domains tried, each with its separator. */
    public List<String> tried() {
        return tried;
    }
}

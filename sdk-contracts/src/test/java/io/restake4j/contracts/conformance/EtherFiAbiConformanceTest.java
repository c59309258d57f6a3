package io.restake4j.contracts.conformance;

import java.io.IOException;

import org.junit.jupiter.api.Test;

/**
 * Our ether.fi ABIs ({@code abi/etherfi/*.json}, derived from our own interface files) against the
 * signatures listed in {@code ../shared/protocols/etherfi.md} (the current mainnet surface; the official
 * ABI JSON there is older than mainnet): every listed function, event and error of sections 1-4 must be
 * in our ABI, and every selector or topic listed with it must be the keccak of its canonical signature.
 * Coverage is printed. Without the shared folder the test is skipped, saying so.
 */
class EtherFiAbiConformanceTest {

    @Test
    void ourEtherFiAbisHoldEverySignatureOfTheFactsFile() throws IOException {
        new SignatureListing("ether.fi", "etherfi.md", "etherfi")
                .section(1, "LiquidityPool")
                .section(2, "EETH")
                .section(3, "WeETH")
                .section(4, "WithdrawRequestNFT")
                .alias("PermitInput", "(uint256,uint256,uint8,bytes32,bytes32)")
                .alias("SourceOfFunds", "uint8")
                .alias("WithdrawRequest", "(uint96,uint96,bool,uint32)")
                .unchecked("consumable(bytes32)", "EtherFiRateLimiter")
                .unchecked("canConsume(bytes32,uint64)", "EtherFiRateLimiter")
                .unchecked("finalizeWithdrawalsWhenStale()", "EtherFiAdmin")
                .check();
    }
}

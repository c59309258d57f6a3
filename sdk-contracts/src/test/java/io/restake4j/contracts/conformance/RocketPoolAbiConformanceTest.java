package io.restake4j.contracts.conformance;

import java.io.IOException;

import org.junit.jupiter.api.Test;

/**
 * Our Rocket Pool ABIs ({@code abi/rocketpool/*.json}, derived from our own interface files) against the
 * signatures listed in {@code ../shared/protocols/rocketpool.md}: every listed function, event and error
 * of sections 1-3 must be in our ABI, and every selector or topic listed with it must be the keccak of
 * its canonical signature. Coverage is printed. Without the shared folder the test is skipped, saying so.
 */
class RocketPoolAbiConformanceTest {

    @Test
    void ourRocketPoolAbisHoldEverySignatureOfTheFactsFile() throws IOException {
        new SignatureListing("Rocket Pool", "rocketpool.md", "rocketpool")
                .section(1, "RocketStorage")
                .section(2, "RocketTokenRETH", "RocketNetworkBalances")
                .section(3, "RocketDepositPool", "RocketDAOProtocolSettingsDeposit")
                .unchecked("BalancesUpdated(uint256,uint256,uint256,uint256,uint256)", "v1.2 event, superseded in v1.3")
                .unchecked("swapTo(uint256,uint256,uint256,uint256)", "RocketSwapRouter")
                .unchecked("swapFrom(uint256,uint256,uint256,uint256,uint256)", "RocketSwapRouter")
                .unchecked("LessThanMinimum(uint256)", "RocketSwapRouter")
                .unchecked("burn()", "prose shorthand in §3 for burn(uint256), which §2 lists")
                .check();
    }
}

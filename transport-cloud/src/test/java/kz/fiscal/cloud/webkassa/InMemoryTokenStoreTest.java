package kz.fiscal.cloud.webkassa;

class InMemoryTokenStoreTest extends TokenStoreContract {
  @Override
  TokenStore newStore() {
    return TokenStore.inMemory();
  }
}

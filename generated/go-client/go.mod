module github.com/socialnet/socialnet-contracts/generated/go-client

go 1.23

require (
)

// How a Go team uses the generated SDK (docs/generation.md quotes this file; a test builds and runs it against a
// local server). Reads SOCIALNET_URL (the gateway, e.g. http://127.0.0.1:8080) and SOCIALNET_TOKEN (a user's JWT).
package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	socialnet "github.com/socialnet/socialnet-contracts/generated/go-client"
)

func main() {
	cfg := socialnet.NewConfiguration()
	cfg.Servers = socialnet.ServerConfigurations{{URL: os.Getenv("SOCIALNET_URL")}}
	client := socialnet.NewAPIClient(cfg)
	// The bearer token travels in the context; every secured call sends `Authorization: Bearer <token>`.
	ctx := context.WithValue(context.Background(), socialnet.ContextAccessToken, os.Getenv("SOCIALNET_TOKEN"))

	me, _, err := client.UsersAPI.UsersWhoami(ctx).Execute()
	if err != nil {
		fail(err)
	}
	fmt.Printf("whoami %s\n", me.UserId)

	// A retryable unsafe operation: send the same Idempotency-Key when retrying after a timeout.
	text := "hello"
	msg := socialnet.NewSendMessageRequest(7)
	msg.Text = &text
	_, _, err = client.ChatsAPI.SendMessage(ctx).SendMessageRequest(*msg).IdempotencyKey("retry-1").Execute()
	if err != nil {
		fail(err)
	}
	fmt.Println("sent")
}

// fail prints the RFC 9457 problem every service answers errors with.
func fail(err error) {
	var apiErr *socialnet.GenericOpenAPIError
	if errors.As(err, &apiErr) {
		if problem, ok := apiErr.Model().(socialnet.Problem); ok {
			fmt.Printf("problem %d %s %s\n", problem.Status, problem.Title, problem.Type)
			os.Exit(1)
		}
	}
	fmt.Printf("error %v\n", err)
	os.Exit(2)
}

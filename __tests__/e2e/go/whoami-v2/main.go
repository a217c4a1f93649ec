// whoami-v2: aws-sdk-go-v2 (Debian's, config 1.17.10, before sso-session support) loads a shared config profile and
// calls STS GetCallerIdentity. That config module ignores AWS_ENDPOINT_URL_*, so the SSO portal and STS endpoints are
// resolved to the emulator (EMULATOR_URL) in code; every other service keeps the SDK's own resolution.
// Usage: whoami-v2 <profile>; prints {"Account": …, "Arn": …} or the SDK's error on stderr (exit 1).
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/sso"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

func main() {
	emulator := os.Getenv("EMULATOR_URL")
	resolver := aws.EndpointResolverWithOptionsFunc(func(service, region string, options ...interface{}) (aws.Endpoint, error) {
		if emulator != "" && (service == sso.ServiceID || service == sts.ServiceID) {
			return aws.Endpoint{URL: emulator, SigningRegion: region, HostnameImmutable: true}, nil
		}
		return aws.Endpoint{}, &aws.EndpointNotFoundError{}
	})
	ctx := context.Background()
	cfg, err := config.LoadDefaultConfig(ctx, config.WithSharedConfigProfile(os.Args[1]), config.WithEndpointResolverWithOptions(resolver))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	out, err := sts.NewFromConfig(cfg).GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	b, _ := json.Marshal(map[string]string{"Account": aws.ToString(out.Account), "Arn": aws.ToString(out.Arn), "SDK": "aws-sdk-go-v2"})
	fmt.Println(string(b))
}

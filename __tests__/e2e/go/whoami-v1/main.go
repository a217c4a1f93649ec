// whoami-v1: AWS SDK for Go v1 (Debian's 1.44.133, before sso-session support) loads a shared config profile and
// calls STS GetCallerIdentity. The SDK of that age ignores AWS_ENDPOINT_URL_*, so the SSO portal and STS endpoints are
// resolved to the emulator (EMULATOR_URL) in code; every other service keeps the SDK's own resolution.
// Usage: whoami-v1 <profile>; prints {"Account": …, "Arn": …} or the SDK's error on stderr (exit 1).
package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/endpoints"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sso"
	"github.com/aws/aws-sdk-go/service/sts"
)

func main() {
	emulator := os.Getenv("EMULATOR_URL")
	resolver := endpoints.ResolverFunc(func(service, region string, opts ...func(*endpoints.Options)) (endpoints.ResolvedEndpoint, error) {
		if emulator != "" && (service == sso.EndpointsID || service == sts.EndpointsID) {
			return endpoints.ResolvedEndpoint{URL: emulator, SigningRegion: region}, nil
		}
		return endpoints.DefaultResolver().EndpointFor(service, region, opts...)
	})
	sess, err := session.NewSessionWithOptions(session.Options{
		Profile:           os.Args[1],
		SharedConfigState: session.SharedConfigEnable,
		Config:            aws.Config{EndpointResolver: resolver},
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	out, err := sts.New(sess).GetCallerIdentity(&sts.GetCallerIdentityInput{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	b, _ := json.Marshal(map[string]string{"Account": aws.StringValue(out.Account), "Arn": aws.StringValue(out.Arn), "SDK": "aws-sdk-go " + aws.SDKVersion})
	fmt.Println(string(b))
}

// A GOARCH=386 program: Go's runtime parses the vDSO (runtime.vdsoFindVersion needs its
// version tables) before main, then starts threads.
package main

import (
	"fmt"
	"os"
	"time"
)

func main() {
	start := time.Now()
	fmt.Println("hello from GOARCH=386, pid known:", os.Getpid() > 0)
	fmt.Println("the clock moves forward:", !time.Now().Before(start))
}

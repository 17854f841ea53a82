# Sourced by the release builds (scripts/package-deb.sh, the benchmarks): the flags of `bcd` as
# it is shipped. --static-swift-stdlib links the Swift runtime, Foundation and its ICU data in.
# FlyingFox (the HTTP server) imports FoundationNetworking, whose objects autolink libcurl;
# bcd never uses URLSession, so the autolink is dropped and Sources/CurlAbsent defines the 23
# entry points it refers to. Loading libcurl and the ~30 libraries it needs was 4.7 ms of every
# command's start (a fifth of `bcd enum all` on a 1,000-object store).
release_swiftflags=(-c release --static-swift-stdlib
    -Xswiftc -Xfrontend -Xswiftc -disable-autolink-library -Xswiftc -Xfrontend -Xswiftc curl)

import BCDServe
import XCTest

final class ByteRangeTests: XCTestCase {
    func testNoHeaderIsTheWholeFile() {
        XCTAssertEqual(ByteRange(header: nil, fileSize: 10), .whole)
    }

    func testFirstToLast() {
        XCTAssertEqual(ByteRange(header: "bytes=0-0", fileSize: 10), .partial(0..<1))
        XCTAssertEqual(ByteRange(header: "bytes=2-5", fileSize: 10), .partial(2..<6))
        XCTAssertEqual(ByteRange(header: " bytes=2 - 5 ", fileSize: 10), .partial(2..<6))
    }

    func testLastPastTheEndIsClamped() {
        XCTAssertEqual(ByteRange(header: "bytes=8-100", fileSize: 10), .partial(8..<10))
    }

    func testOpenEnded() {
        XCTAssertEqual(ByteRange(header: "bytes=7-", fileSize: 10), .partial(7..<10))
    }

    func testSuffix() {
        XCTAssertEqual(ByteRange(header: "bytes=-3", fileSize: 10), .partial(7..<10))
        XCTAssertEqual(ByteRange(header: "bytes=-30", fileSize: 10), .partial(0..<10))
    }

    func testUnsatisfiable() {
        XCTAssertEqual(ByteRange(header: "bytes=10-", fileSize: 10), .unsatisfiable)
        XCTAssertEqual(ByteRange(header: "bytes=10-20", fileSize: 10), .unsatisfiable)
        XCTAssertEqual(ByteRange(header: "bytes=-0", fileSize: 10), .unsatisfiable)
        XCTAssertEqual(ByteRange(header: "bytes=0-", fileSize: 0), .unsatisfiable)
        XCTAssertEqual(ByteRange(header: "bytes=-5", fileSize: 0), .unsatisfiable)
    }

    func testIgnoredHeadersServeTheWholeFile() {
        for header in ["items=0-1", "bytes=5-2", "bytes=a-b", "bytes=0-1,4-5", "bytes=-", "bytes=+1-2", "bytes 0-1", "bytes=99999999999999999999-"] {
            XCTAssertEqual(ByteRange(header: header, fileSize: 10), .whole, header)
        }
    }

    func testUnitIsCaseInsensitive() {
        XCTAssertEqual(ByteRange(header: "Bytes=1-1", fileSize: 10), .partial(1..<2))
    }
}
